package io.firebreak.notification.domain;

/**
 * The ids Slack sends back: public contract with the app manifest ({@code deploy/slack/manifest.yaml}) and with the
 * messages this service posts (the pinned summary's buttons, the page DM's Acknowledge button). In domain so the
 * outbound side and the inbound side (slackapp) share them without a package cycle.
 */
public final class SlackIds {

    /** The slash command. */
    public static final String COMMAND = "/inc";

    /** Block action on a page DM; value: the page id. */
    public static final String ACK_PAGE = "firebreak_ack_page";
    /** Block actions on the pinned summary; value: the incident id. */
    public static final String POST_UPDATE = "firebreak_post_update";
    public static final String CHANGE_STATUS = "firebreak_change_status";
    public static final String ASSIGN_ROLES = "firebreak_assign_roles";
    /** Link button on the pinned summary opening the video bridge; Slack still sends the action: only acknowledged. */
    public static final String JOIN_CALL = "firebreak_join_call";
    /** Block action on the answer to a declaration refused as a possible duplicate; value: the refused command's id. */
    public static final String DECLARE_ANYWAY = "firebreak_declare_anyway";

    /** Message shortcut "Add to incident timeline". */
    public static final String ADD_TO_TIMELINE = "firebreak_add_to_timeline";

    /** Modals (view callback ids). */
    public static final String DECLARE_VIEW = "firebreak_declare";
    public static final String UPDATE_VIEW = "firebreak_update";
    public static final String STATUS_VIEW = "firebreak_status";
    public static final String ROLES_VIEW = "firebreak_roles";
    public static final String TIMELINE_VIEW = "firebreak_timeline_note";

    /** Every input's action id is this; the block id names the field (and the error Slack shows under it). */
    public static final String VALUE = "value";

    private SlackIds() {
    }
}
