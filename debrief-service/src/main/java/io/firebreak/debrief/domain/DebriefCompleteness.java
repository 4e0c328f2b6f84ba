package io.firebreak.debrief.domain;

import io.firebreak.debrief.domain.DebriefForm.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When a debrief may be completed (issue 16, item 2; the policies: "a post-mortem ends with owned action items"):
 * every section its form has carries real text, and there is at least one follow-up with an owner and a due date
 * that is still to be done or done, or an explicit "no follow-up needed" with a reason.
 *
 * <p>Real text is the section as the document shows it, edited or derived from the incident, that is not a
 * placeholder: blank, only the italic prompt the prefill writes when there is nothing to derive
 * ({@code _What this showed about our systems or organisation._}), or a bare to-do marker (TODO, TBD, TK, XXX, "-",
 * "..."). "None" or "n/a" are answers someone chose and count. The follow-ups section is judged by the follow-ups
 * rule, not by its text, since it is the list of follow-ups.
 */
public final class DebriefCompleteness {

    /** The name a missing follow-up is reported under (the JSON field of the follow-ups, not a section). */
    public static final String FOLLOW_UPS = "followUps";

    private static final Set<String> MARKERS = Set.of("todo", "tbd", "tk", "xxx", "-", "--", "...", "…", "?");

    private DebriefCompleteness() {
    }

    /** A follow-up as this rule sees it. */
    public record Action(String owner, LocalDate dueDate, FollowUpStatus status) {

        boolean owned() {
            return owner != null && !owner.isBlank() && dueDate != null && status != FollowUpStatus.NOT_DOING;
        }
    }

    /**
     * What is missing, in the form's order (section ids, then {@value #FOLLOW_UPS}); empty when the debrief may be
     * completed.
     *
     * @param texts the text of each section as the document shows it, by section
     * @param noFollowUpReason the reason given for needing no follow-up, or null
     */
    public static List<String> missing(DebriefForm form, Map<Section, String> texts, List<Action> actions,
            String noFollowUpReason) {
        List<String> missing = new ArrayList<>();
        for (Section section : form.sections()) {
            if (section != Section.FOLLOW_UPS && placeholder(texts.get(section))) {
                missing.add(section.id());
            }
        }
        boolean reasoned = noFollowUpReason != null && !placeholder(noFollowUpReason);
        if (!reasoned && actions.stream().noneMatch(Action::owned)) {
            missing.add(FOLLOW_UPS);
        }
        return missing;
    }

    /** Whether a text says nothing yet: blank, only a prompt in italics, or a to-do marker. */
    public static boolean placeholder(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String stripped = text.strip();
        if (stripped.length() > 1 && stripped.startsWith("_") && stripped.endsWith("_") && !stripped.contains("\n")
                && stripped.indexOf('_', 1) == stripped.length() - 1) {
            return true;
        }
        String bare = stripped.toLowerCase(Locale.ROOT).replaceAll("[.!:]+$", "");
        return MARKERS.contains(stripped.toLowerCase(Locale.ROOT)) || MARKERS.contains(bare);
    }
}
