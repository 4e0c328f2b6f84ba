package io.firebreak.notification.slackapp;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.firebreak.notification.domain.IncCommandLine;
import io.firebreak.notification.domain.SlackMention;
import io.firebreak.notification.domain.SlackPerson;
import io.firebreak.notification.domain.oncall.OnCallModel;
import io.firebreak.notification.domain.oncall.Service;
import io.firebreak.notification.engine.Acknowledgements.Acknowledger;
import io.firebreak.notification.engine.ActorKind;
import io.firebreak.notification.engine.Escalations.OnDemandPage;
import io.firebreak.notification.engine.OnDemandPaging;
import io.firebreak.notification.engine.OnDemandTarget;
import io.firebreak.notification.engine.SlackIncidentChannels.ChannelIncident;
import io.firebreak.notification.oncall.OnCallKind;
import io.firebreak.schemas.command.AddNoteRequest;
import io.firebreak.schemas.command.AssignRoleRequest;
import io.firebreak.schemas.command.AttachVideoBridgeRequest;
import io.firebreak.schemas.command.ChangeSeverityRequest;
import io.firebreak.schemas.command.ChangeStatusRequest;
import io.firebreak.schemas.command.CloseIncidentRequest;
import io.firebreak.schemas.command.IdentifyCauseRequest;
import io.firebreak.schemas.command.RecordContainmentStepRequest;
import io.firebreak.schemas.command.ResolveIncidentRequest;
import io.firebreak.schemas.incident.ContainmentLever;
import io.firebreak.schemas.incident.ContainmentOutcome;
import io.firebreak.schemas.incident.IncidentRole;
import io.firebreak.schemas.incident.IncidentStatus;
import io.firebreak.schemas.incident.NoteKind;
import io.firebreak.support.input.TextPolicy;
import io.firebreak.support.problem.ApiProblem;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /inc}: answers within Slack's 3 seconds with an ephemeral message (only the person sees it). Commands for
 * incident-command are only recorded and put in the outbox here (milliseconds); incident-command applies them and the
 * answer is told later. Forms open with {@code views.open} (the trigger expires after 3 seconds, so that call is made
 * before the answer). Paging stays in this service and runs in-process. Wrong usage answers with the short help.
 */
final class IncSlashCommand {

    private static final Logger log = LoggerFactory.getLogger(IncSlashCommand.class);
    private static final int MAX_TEXT = 3000;

    private final SlackSurface surface;
    private final OnDemandPaging paging;

    IncSlashCommand(SlackSurface surface, OnDemandPaging paging) {
        this.surface = surface;
        this.paging = paging;
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        IncCommandLine line = IncCommandLine.parse(payload.getText());
        try {
            return run(line, payload, ctx);
        } catch (ApiProblem refused) {
            return ephemeral(ctx, ":no_entry: " + refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("slack.command_failed command={} error={}", line.getClass().getSimpleName(), e.toString());
            return ephemeral(ctx, ":warning: That did not work (" + e.getClass().getSimpleName()
                    + "); nothing was changed. Try again, or use the API.");
        }
    }

    private Response run(IncCommandLine line, SlashCommandPayload payload, SlashCommandContext ctx) {
        String channel = payload.getChannelId();
        if (line instanceof IncCommandLine.Help help) {
            return ephemeral(ctx, help.problem() == null ? IncCommandLine.HELP
                    : help.problem() + "\n\n" + IncCommandLine.HELP);
        }
        if (line instanceof IncCommandLine.Declare) {
            List<Service> catalog = surface.directory.list(OnCallKind.SERVICE, Service.class);
            boolean opened = surface.open(payload.getTriggerId(),
                    SlackViews.declare(catalog, new ViewMetadata(channel, null, null, null).json()));
            return opened ? ctx.ack() : ephemeral(ctx, ":warning: Slack did not open the form; try `/inc declare` again.");
        }
        Optional<ChannelIncident> found = surface.incidentOf(channel);
        if (found.isEmpty()) {
            return ephemeral(ctx, "`/inc " + payload.getText().strip().split("\\s+")[0]
                    + "` works inside an incident channel; this channel is not one. `/inc declare` starts an incident.");
        }
        ChannelIncident incident = found.get();
        String metadata = new ViewMetadata(channel, incident.incidentId(), null, null).json();
        SlackPerson by = surface.identities.person(payload.getUserId(), payload.getUserName());
        if (line instanceof IncCommandLine.Update) {
            return surface.open(payload.getTriggerId(), SlackViews.update(SlackSurface.reference(incident), metadata))
                    ? ctx.ack() : ephemeral(ctx, ":warning: Slack did not open the form; try `/inc update` again.");
        }
        if (line instanceof IncCommandLine.Page p) {
            return page(ctx, by, incident, p);
        }
        SpecificRecord command;
        if (line instanceof IncCommandLine.Status s) {
            command = new ChangeStatusRequest(IncidentStatus.valueOf(s.status().name()), null);
        } else if (line instanceof IncCommandLine.Severity s) {
            command = new ChangeSeverityRequest(text("severity", s.label(), 32), null);
        } else if (line instanceof IncCommandLine.Assign a) {
            command = new AssignRoleRequest(role(a.role()), mentioned(a.who()), a.joining());
        } else if (line instanceof IncCommandLine.Contain c) {
            command = new RecordContainmentStepRequest(ContainmentLever.valueOf(c.lever().name()),
                    ContainmentOutcome.valueOf(c.outcome().name()), text("note", c.note(), MAX_TEXT));
        } else if (line instanceof IncCommandLine.Identified i) {
            command = new IdentifyCauseRequest(text("cause", i.cause(), MAX_TEXT));
        } else if (line instanceof IncCommandLine.Bridge b) {
            command = new AttachVideoBridgeRequest(bridgeUrl(b.url()));
        } else if (line instanceof IncCommandLine.Note n) {
            command = new AddNoteRequest(NoteKind.valueOf(n.kind().name()), text("note", n.text(), MAX_TEXT));
        } else if (line instanceof IncCommandLine.Resolve r) {
            command = new ResolveIncidentRequest(text("resolution", r.resolution(), MAX_TEXT), null);
        } else if (line instanceof IncCommandLine.Close c) {
            command = new CloseIncidentRequest(debriefUrl(c.debriefUrl()));
        } else {
            return ephemeral(ctx, IncCommandLine.HELP);
        }
        return ask(ctx, by, channel, incident, payload, command);
    }

    private Response ask(SlashCommandContext ctx, SlackPerson by, String channel, ChannelIncident incident,
            SlashCommandPayload payload, SpecificRecord command) {
        String asked = "/inc " + payload.getText().strip();
        surface.ask(by, channel, incident.incidentId(), command, asked);
        return ephemeral(ctx, ":hourglass_flowing_sand: Asked for " + SlackSurface.reference(incident) + ": `"
                + asked.replace("`", "'") + "` — you will hear here when it is done.");
    }

    private Response page(SlashCommandContext ctx, SlackPerson by, ChannelIncident incident, IncCommandLine.Page page) {
        OnCallModel model = surface.directory.model();
        OnDemandTarget kind;
        String id;
        Optional<SlackMention> mention = SlackMention.parse(page.target());
        if (mention.isPresent()) {
            SlackPerson person = surface.identities.person(mention.get().userId(), mention.get().name());
            if (!person.known()) {
                throw ApiProblem.invalid("target", person.name() + " is not in the on-call directory, so Firebreak"
                        + " cannot page them; add their Slack user id or e-mail to their person");
            }
            kind = OnDemandTarget.PERSON;
            id = person.id();
        } else {
            id = page.target().replaceFirst("^[@#]", "");
            if (model.teams().containsKey(id)) {
                kind = OnDemandTarget.TEAM;
            } else if (model.schedules().containsKey(id)) {
                kind = OnDemandTarget.SCHEDULE;
            } else if (model.services().containsKey(id)) {
                kind = OnDemandTarget.SERVICE;
            } else if (model.people().containsKey(id)) {
                kind = OnDemandTarget.PERSON;
            } else {
                throw ApiProblem.invalid("target", "No person, team, schedule or service is called `"
                        + id.replaceAll("[`<>*_~]", "") + "`; name a @person or a team id");
            }
        }
        String message = page.message() == null ? null : text("message", page.message(), 500);
        List<OnDemandPage> pages = paging.page(incident.incidentId(), kind, id, message,
                new Acknowledger(by.id(), by.name(), ActorKind.HUMAN));
        return ephemeral(ctx, ":rotating_light: Paged " + pages.stream().map(OnDemandPage::responderName)
                .distinct().collect(Collectors.joining(", ")) + " for " + SlackSurface.reference(incident) + ".");
    }

    private io.firebreak.schemas.incident.Person mentioned(String who) {
        SlackMention mention = SlackMention.parse(who).orElseThrow(() -> ApiProblem.invalid("person",
                "Name the person with an @mention (pick them from Slack's list), e.g. `/inc lead @ana`"));
        return surface.person(mention.userId(), mention.name());
    }

    private static IncidentRole role(IncCommandLine.Role role) {
        return switch (role) {
            case LEAD -> IncidentRole.INCIDENT_LEAD;
            case COMMS -> IncidentRole.COMMS_OWNER;
            case INVESTIGATOR -> IncidentRole.INVESTIGATION_OWNER;
        };
    }

    /** Free text from Slack passes the same input policy as the API (no credentials, no control characters). */
    static String text(String field, String text, int max) {
        TextPolicy.accept(field, text);
        if (text.length() > max) {
            throw ApiProblem.invalid(field, "The " + field + " is longer than " + max + " characters");
        }
        return text;
    }

    private static String debriefUrl(String url) {
        if (url == null) {
            return null;
        }
        return link(url, false).orElseThrow(() -> ApiProblem.invalid("debriefUrl",
                "`/inc close` takes a debrief link (http or https)"));
    }

    /** A call link: https only (people join it from anywhere; a plain http link would leak the meeting). */
    static String bridgeUrl(String url) {
        return link(url, true).orElseThrow(() -> ApiProblem.invalid("url",
                "`/inc bridge` takes an https link to the call, e.g. `/inc bridge https://meet.example.com/inc-7`"));
    }

    /** A link as Slack sends it ({@code <https://…>} or {@code <https://…|label>}), or as typed. */
    static Optional<String> link(String typed, boolean httpsOnly) {
        String link = typed.strip().replaceAll("^<|>$", "").replaceFirst("\\|.*$", "");
        try {
            URI uri = URI.create(link);
            if (("https".equals(uri.getScheme()) || !httpsOnly && "http".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return Optional.of(text(httpsOnly ? "url" : "debriefUrl", link, 2000));
            }
        } catch (IllegalArgumentException e) {
            // not a link
        }
        return Optional.empty();
    }

    private static Response ephemeral(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
