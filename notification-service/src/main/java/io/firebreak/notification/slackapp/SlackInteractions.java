package io.firebreak.notification.slackapp;

import io.firebreak.notification.domain.SlackIds;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.firebreak.notification.domain.SlackPerson;
import io.firebreak.notification.engine.Acknowledgements;
import io.firebreak.notification.engine.Acknowledgements.Acknowledger;
import io.firebreak.notification.engine.ActorKind;
import io.firebreak.notification.engine.SlackCommands;
import io.firebreak.notification.engine.SlackIncidentChannels.ChannelIncident;
import io.firebreak.schemas.command.AddNoteRequest;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.ChangeStatusRequest;
import io.firebreak.schemas.command.DeclareIncidentRequest;
import io.firebreak.schemas.command.PostUpdateRequest;
import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.ExposureKind;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.IncidentType;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.schemas.sensitive.SecretDetector;
import io.firebreak.schemas.sensitive.SecretFinding;
import io.firebreak.support.problem.ApiProblem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons, modals and the message shortcut. A modal's submission is checked field by field and refused with Slack's
 * {@code response_action: errors} naming the block; an accepted one becomes a command for incident-command (outbox)
 * and closes the modal. The page DM's Acknowledge button acknowledges in-process, as the Slack person: paging belongs
 * to this service.
 */
final class SlackInteractions {

    private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);
    private static final int MAX_TEXT = 3000;
    private static final int MAX_NOTE_SOURCE = 2400;

    private final SlackSurface surface;
    private final Acknowledgements acknowledgements;

    SlackInteractions(SlackSurface surface, Acknowledgements acknowledgements) {
        this.surface = surface;
        this.acknowledgements = acknowledgements;
    }

    // ---- modals

    Response declared(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Form form = new Form(payload.getView());
        String title = form.text(SlackViews.TITLE, true, 200);
        String severity = form.option(SlackViews.SEVERITY, true);
        String summary = form.text(SlackViews.SUMMARY, false, MAX_TEXT);
        String impact = form.option(SlackViews.CUSTOMER_IMPACT, false);
        IncidentType type = form.constant(SlackViews.INCIDENT_TYPE, IncidentType.class, IncidentType.ENGINEERING);
        List<ExposureKind> exposure = form.options(SlackViews.EXPOSURE).stream()
                .filter(v -> java.util.Arrays.stream(ExposureKind.values()).anyMatch(k -> k.name().equals(v)))
                .map(ExposureKind::valueOf).toList();
        boolean drill = form.options(SlackViews.DRILL).contains("drill");
        String typed = form.text(SlackViews.BRIDGE, false, 2000);
        String bridge = typed == null ? null : IncSlashCommand.link(typed, true).orElse(null);
        if (typed != null && bridge == null) {
            form.errors.put(SlackViews.BRIDGE, "An https link to the call, e.g. https://meet.example.com/inc-7");
        }
        if (form.metadata.channel() == null) {
            form.errors.put(SlackViews.TITLE, "This form lost where it was opened; start again with /inc declare");
        }
        if (!form.errors.isEmpty()) {
            return ctx.ackWithErrors(form.errors);
        }
        String incidentId = UUID.randomUUID().toString();
        DeclareIncidentRequest declare = DeclareIncidentRequest.newBuilder().setTitle(title).setSeverity(severity)
                .setSummary(summary).setCustomerImpact("yes".equals(impact))
                .setAffectedServices(form.options(SlackViews.SERVICES)).setIncidentLead(null)
                .setIncidentType(type)
                .setDrill(drill).setSuspectedExposure(exposure).setForce(false).setVideoBridgeUrl(bridge).build();
        SlackPerson by = surface.identities.person(payload.getUser().getId(), payload.getUser().getName());
        surface.ask(by, form.metadata.channel(), incidentId, declare, "declare: " + title);
        return ctx.ack();
    }

    Response updated(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Form form = new Form(payload.getView());
        String happening = form.text(SlackViews.HAPPENING, true, MAX_TEXT);
        String affected = form.text(SlackViews.AFFECTED, false, MAX_TEXT);
        String doing = form.text(SlackViews.DOING, false, MAX_TEXT);
        Instant next = form.dateTime(SlackViews.NEXT_UPDATE);
        if (next != null && !next.isAfter(surface.clock.instant())) {
            form.errors.put(SlackViews.NEXT_UPDATE, "The next update must be in the future");
        }
        String audience = form.option(SlackViews.AUDIENCE, false);
        if (!form.errors.isEmpty()) {
            return ctx.ackWithErrors(form.errors);
        }
        PostUpdateRequest update = PostUpdateRequest.newBuilder()
                .setAudience("CUSTOMER".equals(audience) ? Audience.CUSTOMER : Audience.INTERNAL)
                .setWhatIsHappening(happening).setWhoIsAffected(affected).setWhatWeAreDoing(doing)
                .setNextUpdateAt(next).build();
        return ask(payload, form, ctx, update, "update");
    }

    Response statusChanged(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Form form = new Form(payload.getView());
        String status = form.option(SlackViews.STATUS, true);
        String note = form.text(SlackViews.NOTE, false, 1000);
        if (!form.errors.isEmpty()) {
            return ctx.ackWithErrors(form.errors);
        }
        return ask(payload, form, ctx, new ChangeStatusRequest(IncidentStatus.valueOf(status), note), "status " + status);
    }

    Response rolesAssigned(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Form form = new Form(payload.getView());
        Map<IncidentRole, String> picked = new LinkedHashMap<>();
        form.user(SlackViews.LEAD).ifPresent(u -> picked.put(IncidentRole.INCIDENT_LEAD, u));
        form.user(SlackViews.COMMS).ifPresent(u -> picked.put(IncidentRole.COMMS_OWNER, u));
        form.user(SlackViews.INVESTIGATOR).ifPresent(u -> picked.put(IncidentRole.INVESTIGATION_OWNER, u));
        if (picked.isEmpty()) {
            return ctx.ackWithErrors(Map.of(SlackViews.LEAD, "Pick at least one person"));
        }
        if (form.metadata.incident() == null || surface.channels.incident(form.metadata.incident()).isEmpty()) {
            return ctx.ackWithErrors(Map.of(SlackViews.LEAD,
                    "This form belongs to no incident Firebreak knows; open it again from the incident channel"));
        }
        picked.forEach((role, user) -> ask(payload, form, ctx,
                new AssignRoleRequest(role, surface.person(user, null), false), "assign " + role));
        return ctx.ack();
    }

    Response noteAdded(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        Form form = new Form(payload.getView());
        String kind = form.option(SlackViews.KIND, true);
        ViewMetadata source = form.metadata;
        if (!form.errors.isEmpty()) {
            return ctx.ackWithErrors(form.errors);
        }
        String permalink = permalink(source.channel(), source.messageTs());
        String text = (source.text() == null ? "" : source.text()) + (permalink == null ? "" : "\n" + permalink);
        if (SecretDetector.first(text).isPresent()) { // checked at the shortcut; the permalink is ours, but be sure
            return ctx.ackWithErrors(Map.of(SlackViews.KIND, "This message contains a credential; it is not added"));
        }
        return ask(payload, form, ctx, new AddNoteRequest(NoteKind.valueOf(kind), text), "timeline note " + kind);
    }

    private Response ask(ViewSubmissionPayload payload, Form form, ViewSubmissionContext ctx,
            org.apache.avro.specific.SpecificRecord command, String asked) {
        ViewMetadata metadata = form.metadata;
        if (metadata.incident() == null || surface.channels.incident(metadata.incident()).isEmpty()) {
            log.warn("slack.view_without_incident view={}", payload.getView().getCallbackId());
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(form.firstBlock(),
                    "This form belongs to no incident Firebreak knows; open it again from the incident channel")));
        }
        SlackPerson by = surface.identities.person(payload.getUser().getId(), payload.getUser().getName());
        surface.ask(by, metadata.channel(), metadata.incident(), command, asked);
        return ctx.ack();
    }

    // ---- buttons

    Response acknowledge(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String pageId = value(payload);
        SlackPerson by = surface.identities.person(payload.getUser().getId(), payload.getUser().getName());
        Optional<String> incident = pageId == null ? Optional.empty()
                : acknowledgements.page(pageId, new Acknowledger(by.id(), by.name(), ActorKind.HUMAN));
        log.info("slack.page_acknowledged page={} actor={} found={}", pageId, by.id(), incident.isPresent());
        if (payload.getChannel() != null) {
            surface.whisper(payload.getChannel().getId(), payload.getUser().getId(), incident.isPresent()
                    ? ":white_check_mark: Acknowledged — the escalation has stopped."
                    : ":warning: Firebreak knows no such page; nothing was acknowledged.");
        }
        return ctx.ack();
    }

    /**
     * <em>Declare anyway</em> on the answer to a declaration refused as a possible duplicate: the same declaration is
     * asked again with force ({@link io.firebreak.notification.engine.SlackCommands#declareAnyway}).
     */
    Response declareAnyway(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String refused = value(payload);
        SlackCommands.Forced forced = refused == null ? SlackCommands.Forced.NOT_OFFERED
                : surface.commands.declareAnyway(refused, payload.getUser().getId());
        log.info("slack.declare_anyway refused={} user={} outcome={}", refused, payload.getUser().getId(), forced);
        if (payload.getChannel() != null) {
            surface.whisper(payload.getChannel().getId(), payload.getUser().getId(), switch (forced) {
                case ASKED -> ":hourglass_flowing_sand: Declaring it anyway — you will hear here when it is done.";
                case ALREADY_ASKED -> ":information_source: It is being declared already.";
                case NOT_OFFERED -> ":warning: There is no refused declaration of yours to declare anyway.";
            });
        }
        return ctx.ack();
    }

    /** The summary's <em>Join the call</em> is a link button: Slack opens the call and sends the action anyway. */
    Response joinCall(BlockActionRequest request, ActionContext ctx) {
        return ctx.ack();
    }

    Response openUpdate(BlockActionRequest request, ActionContext ctx) {
        return openFor(request, ctx, (reference, metadata) -> SlackViews.update(reference, metadata));
    }

    Response openStatus(BlockActionRequest request, ActionContext ctx) {
        return openFor(request, ctx, (reference, metadata) -> SlackViews.status(reference, metadata));
    }

    Response openRoles(BlockActionRequest request, ActionContext ctx) {
        return openFor(request, ctx, (reference, metadata) -> SlackViews.roles(reference, metadata));
    }

    private Response openFor(BlockActionRequest request, ActionContext ctx,
            java.util.function.BiFunction<String, String, View> view) {
        BlockActionPayload payload = request.getPayload();
        Optional<ChannelIncident> incident = Optional.ofNullable(value(payload)).flatMap(surface.channels::incident);
        String channel = payload.getChannel() != null ? payload.getChannel().getId()
                : incident.map(ChannelIncident::channelId).orElse(null);
        if (incident.isEmpty()) {
            if (channel != null) {
                surface.whisper(channel, payload.getUser().getId(), ":warning: Firebreak knows no such incident.");
            }
            return ctx.ack();
        }
        surface.open(payload.getTriggerId(), view.apply(SlackSurface.reference(incident.get()),
                new ViewMetadata(channel, incident.get().incidentId(), null, null).json()));
        return ctx.ack();
    }

    private static String value(BlockActionPayload payload) {
        return payload.getActions() == null || payload.getActions().isEmpty() ? null
                : payload.getActions().get(0).getValue();
    }

    // ---- message shortcut

    Response addToTimeline(MessageShortcutRequest request, MessageShortcutContext ctx) {
        MessageShortcutPayload payload = request.getPayload();
        String channel = payload.getChannel().getId();
        String user = payload.getUser().getId();
        Optional<ChannelIncident> incident = surface.incidentOf(channel);
        if (incident.isEmpty()) {
            surface.whisper(channel, user, "\"Add to incident timeline\" works on messages in an incident channel.");
            return ctx.ack();
        }
        String text = payload.getMessage() == null || payload.getMessage().getText() == null ? ""
                : payload.getMessage().getText();
        Optional<SecretFinding> secret = SecretDetector.first(text);
        if (secret.isPresent()) {
            log.warn("slack.timeline_note_refused channel={} reason=secret kind={}", channel, secret.get().kind());
            surface.whisper(channel, user, ":no_entry: This message contains a " + secret.get().kind().description()
                    + "; it is not added to the timeline (credentials never enter Firebreak). Rotate it if it is real.");
            return ctx.ack();
        }
        try {
            IncSlashCommand.text("text", text.isBlank() ? "(a message)" : text, Integer.MAX_VALUE);
        } catch (ApiProblem refused) {
            surface.whisper(channel, user, ":no_entry: " + refused.getMessage());
            return ctx.ack();
        }
        String kept = text.length() > MAX_NOTE_SOURCE ? text.substring(0, MAX_NOTE_SOURCE) + "…" : text;
        surface.open(payload.getTriggerId(), SlackViews.timelineNote(SlackSurface.reference(incident.get()),
                new ViewMetadata(channel, incident.get().incidentId(), payload.getMessage().getTs(), kept).json()));
        return ctx.ack();
    }

    private String permalink(String channel, String ts) {
        if (channel == null || ts == null) {
            return null;
        }
        try {
            var response = surface.slack.chatGetPermalink(r -> r.channel(channel).messageTs(ts));
            if (response.isOk()) {
                return response.getPermalink();
            }
            log.warn("slack.permalink_failed channel={} error={}", channel, response.getError());
        } catch (Exception e) {
            log.warn("slack.permalink_failed channel={} error={}", channel, e.toString());
        }
        return null;
    }

    /** A submitted modal's values, with the errors found reading them (by block id). */
    private static final class Form {

        final Map<String, Map<String, ViewState.Value>> values;
        final ViewMetadata metadata;
        final Map<String, String> errors = new LinkedHashMap<>();
        private final View view;

        Form(View view) {
            this.view = view;
            this.values = view.getState() == null || view.getState().getValues() == null ? Map.of()
                    : view.getState().getValues();
            this.metadata = ViewMetadata.of(view.getPrivateMetadata());
        }

        String firstBlock() {
            return values.keySet().stream().findFirst().orElse("value");
        }

        private ViewState.Value value(String block) {
            Map<String, ViewState.Value> actions = values.get(block);
            return actions == null ? null : actions.get(SlackIds.VALUE);
        }

        String text(String block, boolean required, int max) {
            ViewState.Value value = value(block);
            String text = value == null || value.getValue() == null ? null : value.getValue().strip();
            if (text == null || text.isEmpty()) {
                if (required) {
                    errors.put(block, "Required");
                }
                return null;
            }
            try {
                return IncSlashCommand.text(block, text, max);
            } catch (ApiProblem refused) {
                errors.put(block, refused.getMessage());
                return null;
            }
        }

        String option(String block, boolean required) {
            ViewState.Value value = value(block);
            String option = value == null || value.getSelectedOption() == null ? null
                    : value.getSelectedOption().getValue();
            if (option == null && required) {
                errors.put(block, "Required");
            }
            return option;
        }

        /** A selected option naming a constant of {@code type}; {@code otherwise} when none is; an error when unknown. */
        <E extends Enum<E>> E constant(String block, Class<E> type, E otherwise) {
            String option = option(block, false);
            if (option == null) {
                return otherwise;
            }
            try {
                return Enum.valueOf(type, option);
            } catch (IllegalArgumentException e) {
                errors.put(block, "Pick one of the options");
                return otherwise;
            }
        }

        List<String> options(String block) {
            ViewState.Value value = value(block);
            return value == null || value.getSelectedOptions() == null ? List.of()
                    : value.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
        }

        Optional<String> user(String block) {
            ViewState.Value value = value(block);
            return Optional.ofNullable(value == null ? null : value.getSelectedUser());
        }

        Instant dateTime(String block) {
            ViewState.Value value = value(block);
            return value == null || value.getSelectedDateTime() == null ? null
                    : Instant.ofEpochSecond(value.getSelectedDateTime());
        }
    }
}
