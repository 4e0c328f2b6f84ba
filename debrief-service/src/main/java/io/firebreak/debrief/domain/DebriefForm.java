package io.firebreak.debrief.domain;

import java.util.List;

/**
 * Which debrief an incident needs (docs/process.md#debrief-forms: Minor optional, Major a short debrief, Critical a full one) and
 * the sections each form has, in order.
 */
public enum DebriefForm {
    OPTIONAL(List.of(Section.SUMMARY, Section.TIMELINE, Section.FOLLOW_UPS)),
    SHORT(List.of(Section.SUMMARY, Section.TIMELINE, Section.IMPACT, Section.CONTRIBUTORS, Section.MITIGATORS,
            Section.FOLLOW_UPS)),
    FULL(List.of(Section.SUMMARY, Section.KEY_INFORMATION, Section.TIMELINE, Section.CONTRIBUTORS, Section.MITIGATORS,
            Section.RISKS_AND_LEARNINGS, Section.FOLLOW_UPS));

    private final List<Section> sections;

    DebriefForm(List<Section> sections) {
        this.sections = sections;
    }

    public List<Section> sections() {
        return sections;
    }

    public boolean required() {
        return this != OPTIONAL;
    }

    /** A debrief section: its id in the API and its heading in the document. */
    public enum Section {
        SUMMARY("summary", "Summary"),
        KEY_INFORMATION("key-information", "Key information"),
        TIMELINE("timeline", "Timeline"),
        IMPACT("impact", "Impact"),
        CONTRIBUTORS("contributors", "Contributors"),
        MITIGATORS("mitigators", "Mitigators"),
        RISKS_AND_LEARNINGS("risks-and-learnings", "Risks and learnings"),
        FOLLOW_UPS("follow-ups", "Follow-ups");

        private final String id;
        private final String heading;

        Section(String id, String heading) {
            this.id = id;
            this.heading = heading;
        }

        public String id() {
            return id;
        }

        public String heading() {
            return heading;
        }

        public static java.util.Optional<Section> byId(String id) {
            for (Section section : values()) {
                if (section.id.equals(id)) {
                    return java.util.Optional.of(section);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
