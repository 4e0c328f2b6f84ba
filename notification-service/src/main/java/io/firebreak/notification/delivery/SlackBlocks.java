package io.firebreak.notification.delivery;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import io.firebreak.notification.domain.SlackIds;
import com.slack.api.model.block.composition.TextObject;
import io.firebreak.notification.domain.IncidentSummary;
import io.firebreak.notification.domain.SlackText;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit for the messages people act on: the pinned incident summary (with Join the call when a video bridge is
 * attached, Post update, Change status and Assign roles), the page DM (with Acknowledge) and the answer to a
 * declaration refused as a possible duplicate (with Declare anyway). The action ids are the contract with the inbound Slack handlers: each
 * button's value is the incident id, the Acknowledge button's the page id.
 */
final class SlackBlocks {

    static final String POST_UPDATE = SlackIds.POST_UPDATE;
    static final String CHANGE_STATUS = SlackIds.CHANGE_STATUS;
    static final String ASSIGN_ROLES = SlackIds.ASSIGN_ROLES;
    static final String ACK_PAGE = SlackIds.ACK_PAGE;
    static final String JOIN_CALL = SlackIds.JOIN_CALL;
    static final String DECLARE_ANYWAY = SlackIds.DECLARE_ANYWAY;

    private SlackBlocks() {
    }

    static List<LayoutBlock> summary(IncidentSummary s) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(s.headline(), true))));
        List<TextObject> fields = new ArrayList<>(s.fields().stream().map(f -> (TextObject) markdownText(f)).toList());
        blocks.add(section(b -> b.blockId("firebreak_summary_facts").fields(fields)));
        if (!s.description().isEmpty()) {
            blocks.add(section(b -> b.blockId("firebreak_summary_description").text(markdownText(s.description()))));
        }
        blocks.add(divider());
        blocks.add(section(b -> b.blockId("firebreak_summary_latest").text(markdownText(s.latest()))));
        blocks.add(section(b -> b.blockId("firebreak_summary_containment").text(markdownText(s.containment()))));
        blocks.add(section(b -> b.blockId("firebreak_summary_link").text(markdownText(s.links()))));
        List<BlockElement> buttons = new ArrayList<>();
        String bridge = s.bridgeLink();
        if (bridge != null) {
            // a link button: Slack opens the call and still sends the action, which the inbound side only acknowledges
            buttons.add(button(b -> b.actionId(JOIN_CALL).text(plainText("Join the call")).url(bridge)
                    .value(s.incidentId())));
        }
        buttons.add(button(b -> b.actionId(POST_UPDATE).text(plainText("Post update")).value(s.incidentId())
                .style("primary")));
        buttons.add(button(b -> b.actionId(CHANGE_STATUS).text(plainText("Change status")).value(s.incidentId())));
        buttons.add(button(b -> b.actionId(ASSIGN_ROLES).text(plainText("Assign roles")).value(s.incidentId())));
        blocks.add(actions(a -> a.blockId("firebreak_summary_actions").elements(buttons)));
        return blocks;
    }

    /**
     * The answer to a declaration refused as a possible duplicate: the refusal with its candidates, and a
     * <em>Declare anyway</em> button whose value is the refused command's id (the inbound side sends it again with
     * force).
     */
    static List<LayoutBlock> declareAnyway(String text, String commandId) {
        return List.of(
                section(b -> b.blockId("firebreak_duplicate_text").text(markdownText(SlackText.cut(text, 3000)))),
                actions(a -> a.blockId("firebreak_duplicate_actions").elements(List.of(
                        button(b -> b.actionId(DECLARE_ANYWAY).text(plainText("Declare anyway")).value(commandId)
                                .style("danger"))))));
    }

    /** The page's text (with its signed acknowledge link, for clients without buttons) and the Acknowledge button. */
    static List<LayoutBlock> pageDm(String text, String pageId) {
        // a section's text is at most 3000 characters
        return List.of(
                section(b -> b.blockId("firebreak_page_text").text(markdownText(SlackText.cut(text, 3000)))),
                actions(a -> a.blockId("firebreak_page_actions").elements(List.of(
                        button(b -> b.actionId(ACK_PAGE).text(plainText("Acknowledge")).value(pageId).style("primary"))))));
    }
}
