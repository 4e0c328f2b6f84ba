package io.firebreak.notification.domain;

import java.util.Locale;

/**
 * The text of a {@code /inc} slash command, read into what was asked. Wrong usage reads as {@link Help} with the
 * reason, so the person gets the short help, never an error.
 */
public sealed interface IncCommandLine {

    String HELP = """
            *Firebreak* `/inc` — anywhere: `/inc declare` (opens a form), `/inc help`.
            In an incident channel:
            • `/inc update` — post an update (form)
            • `/inc status fixing|monitoring|investigating`
            • `/inc sev minor|major|critical` (or an alias such as SEV1)
            • `/inc lead @person`, `/inc comms @person`, `/inc investigator @person` (`--add`: beside the others)
            • `/inc note [decision|evidence|hypothesis|action] <text>`
            • `/inc contain flag|deploy|migration|data contained|not-contained|n/a [note]` — containment, levers in order
            • `/inc identified <cause>` — the cause is known
            • `/inc bridge <https link>` — the video call, shown in the pinned summary
            • `/inc page @person|<team id> [message]`
            • `/inc resolve <resolution>`
            • `/inc close [debrief link]`""";

    /** The roles {@code /inc} assigns, by the word used for them. */
    enum Role { LEAD, COMMS, INVESTIGATOR }

    /** Kinds of timeline note a person may add; the same names as the event schema's NoteKind. */
    enum NoteKind { NOTE, DECISION, EVIDENCE, HYPOTHESIS, ACTION }

    /** Statuses an active incident can move to by {@code /inc status}; the same names as the event schema's. */
    enum ActiveStatus { INVESTIGATING, FIXING, MONITORING }

    /** Help, with why when the command was not understood (null when help was asked for). */
    record Help(String problem) implements IncCommandLine {
    }

    record Declare() implements IncCommandLine {
    }

    record Update() implements IncCommandLine {
    }

    record Status(ActiveStatus status) implements IncCommandLine {
    }

    record Severity(String label) implements IncCommandLine {
    }

    /**
     * {@code who} is the word as typed: a Slack mention ({@code <@U…|name>}) when the person picked someone;
     * {@code joining}: {@code --add}, beside the role's other holders (investigators only).
     */
    record Assign(Role role, String who, boolean joining) implements IncCommandLine {
    }

    /** {@code /inc contain <lever> <outcome> [note]}: a step of the containment checklist; note may be empty. */
    record Contain(ContainmentLever lever, ContainmentOutcome outcome, String note) implements IncCommandLine {
    }

    /** {@code /inc identified <cause>}: the identified milestone. */
    record Identified(String cause) implements IncCommandLine {
    }

    /** {@code /inc bridge <link>}: the link as typed (Slack sends links as {@code <https://…>}). */
    record Bridge(String url) implements IncCommandLine {
    }

    record Note(NoteKind kind, String text) implements IncCommandLine {
    }

    /** {@code target}: a mention or a team, schedule or service id. */
    record Page(String target, String message) implements IncCommandLine {
    }

    record Resolve(String resolution) implements IncCommandLine {
    }

    record Close(String debriefUrl) implements IncCommandLine {
    }

    /** Reads the command's text (what follows {@code /inc}). */
    static IncCommandLine parse(String text) {
        String line = text == null ? "" : text.strip();
        if (line.isEmpty()) {
            return new Help(null);
        }
        String[] parts = line.split("\\s+", 2);
        String sub = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        return switch (sub) {
            case "help" -> new Help(null);
            case "declare" -> new Declare();
            case "update" -> new Update();
            case "status" -> status(rest);
            case "sev", "severity" -> rest.isEmpty() || rest.contains(" ")
                    ? new Help("`/inc sev` needs one severity, e.g. `/inc sev critical`") : new Severity(rest);
            case "lead" -> assign(Role.LEAD, rest);
            case "comms" -> assign(Role.COMMS, rest);
            case "investigator" -> assign(Role.INVESTIGATOR, rest);
            case "note" -> note(rest);
            case "contain", "containment" -> contain(rest);
            case "identified" -> rest.isEmpty() ? new Help("`/inc identified` needs the cause, e.g. "
                    + "`/inc identified connection pool exhausted by the new retry loop`") : new Identified(rest);
            case "bridge" -> rest.isEmpty() || rest.contains(" ")
                    ? new Help("`/inc bridge` needs one https link, e.g. `/inc bridge https://meet.example.com/inc-7`")
                    : new Bridge(rest);
            case "page" -> page(rest);
            case "resolve" -> rest.isEmpty() ? new Help("`/inc resolve` needs the resolution, e.g. "
                    + "`/inc resolve rolled back the deploy`") : new Resolve(rest);
            case "close" -> rest.contains(" ") ? new Help("`/inc close` takes at most a debrief link")
                    : new Close(rest.isEmpty() ? null : rest);
            default -> new Help("`" + clip(sub) + "` is not an `/inc` command");
        };
    }

    private static IncCommandLine status(String rest) {
        try {
            return new Status(ActiveStatus.valueOf(rest.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return new Help("`/inc status` takes fixing, monitoring or investigating (resolve with `/inc resolve`)");
        }
    }

    private static IncCommandLine assign(Role role, String rest) {
        String word = role.name().toLowerCase(Locale.ROOT);
        String[] parts = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        boolean joining = parts.length == 2 && parts[1].equals("--add");
        if (parts.length == 0 || parts.length > 2 || parts.length == 2 && !joining) {
            return new Help("`/inc " + word + "` needs one @person" + (role == Role.INVESTIGATOR
                    ? " (and `--add` to add them beside the other investigators)" : ""));
        }
        if (joining && role != Role.INVESTIGATOR) {
            return new Help("`--add` is for investigators only: an incident has one " + (role == Role.LEAD
                    ? "lead" : "comms owner"));
        }
        return new Assign(role, parts[0], joining);
    }

    private static IncCommandLine contain(String rest) {
        String usage = "`/inc contain <lever> <outcome> [note]`: levers flag, deploy, migration, data (in that order);"
                + " outcomes contained, not-contained, n/a — e.g. `/inc contain flag contained checkout-v2 off`";
        String[] parts = rest.split("\\s+", 3);
        if (parts.length < 2) {
            return new Help(usage);
        }
        java.util.Optional<ContainmentLever> lever = ContainmentLever.of(parts[0]);
        java.util.Optional<ContainmentOutcome> outcome = ContainmentOutcome.of(parts[1]);
        if (lever.isEmpty() || outcome.isEmpty()) {
            return new Help(usage);
        }
        return new Contain(lever.get(), outcome.get(), parts.length > 2 ? parts[2].strip() : "");
    }

    private static IncCommandLine note(String rest) {
        if (rest.isEmpty()) {
            return new Help("`/inc note` needs the text, e.g. `/inc note decision roll back`");
        }
        String[] parts = rest.split("\\s+", 2);
        for (NoteKind kind : NoteKind.values()) {
            if (kind.name().equalsIgnoreCase(parts[0])) {
                return parts.length < 2 ? new Help("`/inc note " + parts[0] + "` needs the text")
                        : new Note(kind, parts[1].strip());
            }
        }
        return new Note(NoteKind.NOTE, rest);
    }

    private static IncCommandLine page(String rest) {
        if (rest.isEmpty()) {
            return new Help("`/inc page` needs a @person or a team id");
        }
        String[] parts = rest.split("\\s+", 2);
        return new Page(parts[0], parts.length > 1 ? parts[1].strip() : null);
    }

    /** What is echoed of an unknown word: short, no markup. */
    private static String clip(String word) {
        String plain = word.replaceAll("[`<>*_~]", "");
        return plain.length() > 30 ? plain.substring(0, 30) : plain;
    }
}
