package io.firebreak.notification.slackapp;

import io.firebreak.notification.domain.SlackIds;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.firebreak.notification.domain.oncall.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The modals of the Slack surface. Every input's block id names the field (Slack shows a validation error under the
 * block it names); what the submission needs besides the inputs (channel, incident, message) travels in
 * {@code private_metadata} ({@link ViewMetadata}).
 */
final class SlackViews {

    /** Block ids. */
    static final String TITLE = "title";
    static final String SEVERITY = "severity";
    static final String SUMMARY = "summary";
    static final String CUSTOMER_IMPACT = "customer_impact";
    static final String SERVICES = "affected_services";
    static final String HAPPENING = "what_is_happening";
    static final String AFFECTED = "who_is_affected";
    static final String DOING = "what_we_are_doing";
    static final String NEXT_UPDATE = "next_update_at";
    static final String AUDIENCE = "audience";
    static final String STATUS = "status";
    static final String NOTE = "note";
    static final String LEAD = "incident_lead";
    static final String COMMS = "comms_owner";
    static final String INVESTIGATOR = "investigation_owner";
    static final String KIND = "kind";
    static final String INCIDENT_TYPE = "incident_type";
    static final String DRILL = "drill";
    static final String EXPOSURE = "suspected_exposure";
    static final String BRIDGE = "video_bridge_url";

    private SlackViews() {
    }

    static View declare(List<Service> catalog, String metadata) {
        List<LayoutBlock> blocks = new ArrayList<>(asBlocks(
                input(i -> i.blockId(TITLE).label(plainText("Title"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.VALUE).maxLength(200)))),
                input(i -> i.blockId(SEVERITY).label(plainText("Severity"))
                        .element(staticSelect(s -> s.actionId(SlackIds.VALUE).options(List.of(
                                opt("Critical (SEV1)", "CRITICAL"), opt("Major (SEV2)", "MAJOR"),
                                opt("Minor (SEV3)", "MINOR")))))),
                input(i -> i.blockId(SUMMARY).optional(true).label(plainText("What is known so far"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.VALUE).multiline(true).maxLength(3000)))),
                input(i -> i.blockId(CUSTOMER_IMPACT).label(plainText("Customers affected?"))
                        .element(staticSelect(s -> s.actionId(SlackIds.VALUE)
                                .options(List.of(opt("Yes", "yes"), opt("No", "no"), opt("Not sure yet", "unknown")))
                                .initialOption(opt("Not sure yet", "unknown")))))));
        if (!catalog.isEmpty()) {
            // Slack allows at most 100 options; the catalog of a company that has more needs an external select
            List<OptionObject> services = catalog.stream().limit(100).map(s -> opt(s.name(), s.id())).toList();
            blocks.add(input(i -> i.blockId(SERVICES).optional(true).label(plainText("Affected services"))
                    .element(multiStaticSelect(s -> s.actionId(SlackIds.VALUE).options(services)))));
        }
        // issue 16: the kind of incident, drills, what may have been exposed (card data, credentials or keys make it
        // Critical at least), and the call to join
        blocks.add(input(i -> i.blockId(INCIDENT_TYPE).label(plainText("Type"))
                .element(staticSelect(s -> s.actionId(SlackIds.VALUE).options(List.of(
                        opt("Engineering", "ENGINEERING"), opt("Support", "SUPPORT"), opt("Billing", "BILLING"),
                        opt("Security", "SECURITY"), opt("Vendor", "VENDOR"), opt("Other", "OTHER")))
                        .initialOption(opt("Engineering", "ENGINEERING"))))));
        blocks.add(input(i -> i.blockId(EXPOSURE).optional(true).label(plainText("Suspected exposure"))
                .hint(plainText("Card data, credentials or keys make the incident Critical and a security incident."
                        + " Never paste the data itself."))
                .element(checkboxes(c -> c.actionId(SlackIds.VALUE).options(List.of(opt("Card data", "CARD_DATA"),
                        opt("Credentials", "CREDENTIALS"), opt("Keys", "KEYS"), opt("Personal data", "PERSONAL_DATA")))))));
        blocks.add(input(i -> i.blockId(DRILL).optional(true).label(plainText("Drill"))
                .element(checkboxes(c -> c.actionId(SlackIds.VALUE).options(List.of(OptionObject.builder()
                        .text(plainText("This is a drill")).value("drill")
                        .description(plainText("Pages only my team, never leadership; not on the status page"))
                        .build()))))));
        blocks.add(input(i -> i.blockId(BRIDGE).optional(true).label(plainText("Video bridge (https link)"))
                .element(urlTextInput(u -> u.actionId(SlackIds.VALUE)))));
        return modal(SlackIds.DECLARE_VIEW, "Declare an incident", "Declare", metadata, blocks);
    }

    static View update(String reference, String metadata) {
        return modal(SlackIds.UPDATE_VIEW, "Post an update", "Post", metadata, asBlocks(
                section(s -> s.text(markdownText("Update for *" + reference + "*"))),
                input(i -> i.blockId(HAPPENING).label(plainText("What is happening?"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.VALUE).multiline(true).maxLength(3000)))),
                input(i -> i.blockId(AFFECTED).optional(true).label(plainText("Who is affected?"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.VALUE).multiline(true).maxLength(3000)))),
                input(i -> i.blockId(DOING).optional(true).label(plainText("What are we doing about it?"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.VALUE).multiline(true).maxLength(3000)))),
                input(i -> i.blockId(NEXT_UPDATE).optional(true)
                        .label(plainText("Next update (empty: the severity's cadence)"))
                        .element(datetimePicker(d -> d.actionId(SlackIds.VALUE)))),
                input(i -> i.blockId(AUDIENCE).label(plainText("Audience"))
                        .element(staticSelect(s -> s.actionId(SlackIds.VALUE)
                                .options(List.of(opt("Internal", "INTERNAL"), opt("Customers (status page)", "CUSTOMER")))
                                .initialOption(opt("Internal", "INTERNAL")))))));
    }

    static View status(String reference, String metadata) {
        return modal(SlackIds.STATUS_VIEW, "Change status", "Change", metadata, asBlocks(
                section(s -> s.text(markdownText("Status of *" + reference + "*"))),
                input(i -> i.blockId(STATUS).label(plainText("Status"))
                        .element(staticSelect(s -> s.actionId(SlackIds.VALUE).options(List.of(
                                opt("Investigating", "INVESTIGATING"), opt("Fixing", "FIXING"),
                                opt("Monitoring", "MONITORING")))))),
                input(i -> i.blockId(NOTE).optional(true).label(plainText("Why (for the timeline)"))
                        .element(plainTextInput(p -> p.actionId(SlackIds.VALUE).maxLength(1000))))));
    }

    static View roles(String reference, String metadata) {
        return modal(SlackIds.ROLES_VIEW, "Assign roles", "Assign", metadata, asBlocks(
                section(s -> s.text(markdownText("Roles of *" + reference + "* (leave a role empty to keep it)"))),
                input(i -> i.blockId(LEAD).optional(true).label(plainText("Incident lead"))
                        .element(usersSelect(u -> u.actionId(SlackIds.VALUE)))),
                input(i -> i.blockId(COMMS).optional(true).label(plainText("Comms owner"))
                        .element(usersSelect(u -> u.actionId(SlackIds.VALUE)))),
                input(i -> i.blockId(INVESTIGATOR).optional(true).label(plainText("Investigation owner"))
                        .element(usersSelect(u -> u.actionId(SlackIds.VALUE))))));
    }

    static View timelineNote(String reference, String metadata) {
        return modal(SlackIds.TIMELINE_VIEW, "Add to timeline", "Add", metadata, asBlocks(
                section(s -> s.text(markdownText("Add this message to the timeline of *" + reference + "*"))),
                input(i -> i.blockId(KIND).label(plainText("It is"))
                        .element(staticSelect(s -> s.actionId(SlackIds.VALUE).options(List.of(
                                opt("Evidence", "EVIDENCE"), opt("A decision", "DECISION"),
                                opt("A hypothesis", "HYPOTHESIS"), opt("An action", "ACTION"), opt("A note", "NOTE")))
                                .initialOption(opt("Evidence", "EVIDENCE")))))));
    }

    private static View modal(String callbackId, String title, String submit, String metadata, List<LayoutBlock> blocks) {
        return view(v -> v.type("modal").callbackId(callbackId).title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(metadata).blocks(blocks));
    }

    private static OptionObject opt(String text, String value) {
        return option(plainText(text), value);
    }
}
