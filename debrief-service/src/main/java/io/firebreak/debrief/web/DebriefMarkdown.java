package io.firebreak.debrief.web;

import io.firebreak.debrief.domain.ContainmentChecklist;
import io.firebreak.debrief.domain.DebriefForm;
import io.firebreak.debrief.domain.DebriefForm.Section;
import io.firebreak.debrief.domain.Words;
import io.firebreak.debrief.readmodel.EditedSection;
import io.firebreak.debrief.readmodel.FollowUp;
import io.firebreak.debrief.readmodel.IncidentRecord;
import io.firebreak.debrief.readmodel.Person;
import io.firebreak.debrief.readmodel.TimelineEntry;
import io.firebreak.schemas.sensitive.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The debrief document, prefilled from the projection with the sections of docs/process.md#debrief-forms. A section someone edited is
 * shown as they wrote it; every other section is recomputed on each read, so it stays in step with later
 * events. After the timeline comes the containment checklist (docs/process.md#containment), derived from the
 * recorded steps and never edited. A drill says so in its title; the incident type is in the line under it.
 */
final class DebriefMarkdown {

    /** Timeline entries whose text was written for customers or stakeholders (personal data is redacted). */
    private static final java.util.Set<String> FOR_CUSTOMERS = java.util.Set.of("UPDATE", "STATUS_PAGE_PUBLISHED",
            "STATUS_PAGE_HIDDEN", "PUBLIC_WORDING_EDITED", "CUSTOMER_EMAIL_SENT");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final String statusPageUrl;

    DebriefMarkdown(String statusPageUrl) {
        this.statusPageUrl = statusPageUrl;
    }

    /** A section of the document; {@code editedAt}/{@code editedBy} only for a section someone wrote. */
    record RenderedSection(String id, String heading, String text, boolean edited, Instant editedAt,
            Person editedBy) {
    }

    List<RenderedSection> sections(DebriefForm form, IncidentRecord incident, List<TimelineEntry> timeline,
            List<FollowUp> followUps, Map<String, EditedSection> edited) {
        return form.sections().stream().map(section -> {
            EditedSection written = edited.get(section.id());
            return written != null
                    ? new RenderedSection(section.id(), section.heading(), written.text(), true, written.editedAt(),
                            written.editedBy())
                    : new RenderedSection(section.id(), section.heading(),
                            prefill(section, incident, timeline, followUps), false, null, null);
        }).toList();
    }

    /** The containment checklist of the incident, from its timeline's containment steps. */
    static List<ContainmentChecklist.Item> containment(List<TimelineEntry> timeline) {
        return ContainmentChecklist.of(timeline.stream().filter(e -> e.containment() != null)
                .map(e -> new ContainmentChecklist.Step(e.containment().lever(), e.containment().outcome(),
                        e.containment().note(), e.at(), e.actorName()))
                .toList());
    }

    String document(DebriefForm form, String state, Instant dueAt, IncidentRecord incident,
            List<RenderedSection> sections, List<ContainmentChecklist.Item> containment) {
        StringBuilder md = new StringBuilder(incident.drill() ? "# DRILL — Incident debrief: " : "# Incident debrief: ")
                .append(incident.reference()).append(" — ").append(incident.title()).append("\n\n_")
                .append(incident.drill() ? "A drill, not an incident: left out of the metrics. " : "")
                .append(switch (form) {
                    case FULL -> "Full debrief (required for Critical incidents)";
                    case SHORT -> "Short debrief (expected for Major incidents)";
                    case OPTIONAL -> "Optional debrief";
                })
                .append(" · type: ").append(Words.of(incident.incidentType()).toLowerCase(Locale.ROOT))
                .append(" · state: ").append(state);
        if (dueAt != null && !"completed".equals(state)) {
            md.append(" · due ").append(TIME.format(dueAt));
        }
        md.append(" · blameless: start from the assumption that people acted reasonably with what they knew._\n");
        for (RenderedSection section : sections) {
            md.append("\n## ").append(section.heading()).append("\n\n").append(section.text().strip()).append('\n');
            if (section.id().equals(Section.TIMELINE.id())) {
                md.append("\n## Containment\n\n").append(checklist(incident, containment));
            }
        }
        return md.toString();
    }

    /** The levers in the process's order: [x] contained, [ ] anything else, each step under its lever. */
    private static String checklist(IncidentRecord incident, List<ContainmentChecklist.Item> items) {
        StringBuilder text = new StringBuilder("Levers in the order of the process: cheapest and most reversible first.\n\n");
        for (ContainmentChecklist.Item item : items) {
            text.append("- [").append(item.contained() ? 'x' : ' ').append("] ").append(item.label()).append(" — ")
                    .append(Words.of(item.state()).toLowerCase(Locale.ROOT)).append('\n');
            for (ContainmentChecklist.Step step : item.steps()) {
                text.append("  - `").append(TIME.format(step.at())).append("` ")
                        .append(Words.of(step.outcome()).toLowerCase(Locale.ROOT))
                        .append(step.note().isBlank() ? "" : ": " + step.note().replace('\n', ' '))
                        .append(" _(").append(step.actorName()).append(")_\n");
            }
        }
        text.append('\n');
        text.append(incident.containedAt() == null ? "Not contained by a recorded step."
                : "Contained " + TIME.format(incident.containedAt()) + since(incident.declaredAt(), incident.containedAt())
                        + ".");
        text.append(incident.identifiedAt() == null ? " Cause not identified." : " Identified "
                + TIME.format(incident.identifiedAt()) + since(incident.declaredAt(), incident.identifiedAt())
                + (incident.cause() == null || incident.cause().isBlank() ? "." : ": " + incident.cause().strip()));
        return text.append('\n').toString();
    }

    private static String since(Instant declared, Instant at) {
        return at.equals(declared) ? "" : " (+" + human(Duration.between(declared, at)) + " after declaration)";
    }

    private String prefill(Section section, IncidentRecord incident, List<TimelineEntry> timeline,
            List<FollowUp> followUps) {
        return switch (section) {
            case SUMMARY -> summary(incident);
            case KEY_INFORMATION -> keyInformation(incident, timeline);
            case TIMELINE -> timeline(timeline);
            case IMPACT -> impact(incident);
            case CONTRIBUTORS -> notes(timeline, Set.of("HYPOTHESIS", "EVIDENCE", "IDENTIFIED"),
                    "_Technical, human, process, vendor or business conditions that made the incident possible or worse._",
                    "Hypotheses, evidence and causes recorded during the incident:");
            case MITIGATORS -> notes(timeline, Set.of("DECISION", "ACTION", "CONTAINMENT_STEP", "RESOLVED"),
                    "_What reduced impact or helped the response._",
                    "Decisions, actions and containment steps recorded during the incident:");
            case RISKS_AND_LEARNINGS -> "_What this showed about our systems or organisation._";
            case FOLLOW_UPS -> followUps(followUps, incident.noFollowUpReason());
        };
    }

    private static String summary(IncidentRecord i) {
        StringBuilder text = new StringBuilder(i.title()).append('.');
        if (!i.summary().isBlank()) {
            text.append(' ').append(i.summary().strip());
        }
        text.append("\n\nCurrent state: ").append(i.status().toLowerCase()).append(". Customer impact: ")
                .append(i.customerImpact() ? "yes" : "no").append('.');
        if (i.resolution() != null) {
            text.append(" Resolution: ").append(i.resolution());
        }
        return text.toString();
    }

    private String keyInformation(IncidentRecord i, List<TimelineEntry> timeline) {
        Set<String> participants = new LinkedHashSet<>();
        timeline.stream().filter(e -> e.actorKind().equals("HUMAN")).forEach(e -> participants.add(e.actorName()));
        Map<String, String> roles = new LinkedHashMap<>();
        i.roles().forEach((role, name) -> roles.put(Words.of(role), name));
        StringBuilder text = new StringBuilder()
                .append(i.drill() ? "- DRILL: a drill, not an incident; left out of the metrics\n" : "")
                .append("- Type: ").append(Words.of(i.incidentType())).append('\n')
                .append("- Severity: ").append(i.severity()).append(" (reported as ").append(i.reportedSeverity()).append(")\n")
                .append("- Affected systems: ").append(i.affectedServices().isBlank() ? "none recorded" : i.affectedServices())
                .append('\n')
                .append("- Customer impact: ").append(i.customerImpact() ? "yes" : "no").append('\n')
                .append("- Incident: ").append(i.reference()).append(" (#").append(i.channelName()).append(")\n")
                .append("- Status page: ").append(statusPageUrl).append("/incidents/").append(i.id()).append('\n')
                .append("- Roles: ").append(roles.isEmpty() ? "none assigned" : roles.toString().replaceAll("[{}]", ""))
                .append('\n')
                .append("- Participants: ").append(participants.isEmpty() ? "none recorded" : String.join(", ", participants))
                .append('\n');
        if (i.cause() != null && !i.cause().isBlank()) {
            text.append("- Cause: ").append(i.cause().strip().replace('\n', ' ')).append('\n');
        }
        milestone(text, "Detected", i.detectedAt(), null);
        milestone(text, "Declared", i.declaredAt(), i.start());
        milestone(text, "Acknowledged", i.acknowledgedAt(), i.start());
        milestone(text, "First update", i.firstUpdateAt(), i.start());
        milestone(text, "Identified", i.identifiedAt(), i.start());
        milestone(text, "Contained", i.containedAt(), i.start());
        milestone(text, "Mitigated", i.mitigatedAt(), i.start());
        milestone(text, "Resolved", i.resolvedAt(), i.start());
        milestone(text, "Closed", i.closedAt(), i.start());
        return text.toString();
    }

    private static void milestone(StringBuilder text, String name, Instant at, Instant start) {
        if (at == null) {
            return;
        }
        text.append("- ").append(name).append(": ").append(TIME.format(at));
        if (start != null && !at.equals(start)) {
            text.append(" (+").append(human(Duration.between(start, at))).append(')');
        }
        text.append('\n');
    }

    private static String timeline(List<TimelineEntry> timeline) {
        if (timeline.isEmpty()) {
            return "_No events recorded._";
        }
        StringBuilder text = new StringBuilder();
        for (TimelineEntry e : timeline) {
            // updates and the public side's wording and e-mails are written for customers and stakeholders: the
            // document travels further than the incident, so a customer's e-mail address or phone number quoted in one
            // does not travel with it
            String entry = FOR_CUSTOMERS.contains(e.kind()) ? PersonalData.redact(e.text()) : e.text();
            text.append("- `").append(TIME.format(e.at())).append("` **").append(Words.of(e.kind())).append("** — ")
                    .append(entry.replace('\n', ' ')).append(" _(").append(e.actorName()).append(")_\n");
        }
        return text.toString();
    }

    private static String impact(IncidentRecord i) {
        StringBuilder text = new StringBuilder("Customer impact: ").append(i.customerImpact() ? "yes" : "no")
                .append(". Affected: ").append(i.affectedServices().isBlank() ? "none recorded" : i.affectedServices())
                .append('.');
        if (i.mitigatedAt() != null) {
            text.append(" Impact lasted ").append(human(Duration.between(i.start(), i.mitigatedAt())))
                    .append(" until mitigation.");
        }
        return text.toString();
    }

    private static String notes(List<TimelineEntry> timeline, Set<String> kinds, String prompt, String lead) {
        List<TimelineEntry> notes = timeline.stream().filter(e -> kinds.contains(e.kind())).toList();
        if (notes.isEmpty()) {
            return prompt;
        }
        StringBuilder text = new StringBuilder(prompt).append("\n\n").append(lead).append('\n');
        notes.forEach(n -> text.append("- ").append(n.text().replace('\n', ' ')).append('\n'));
        return text.toString();
    }

    private static String followUps(List<FollowUp> followUps, String noFollowUpReason) {
        if (followUps.isEmpty()) {
            return noFollowUpReason != null ? "No follow-up needed: " + noFollowUpReason
                    : "_No follow-up actions yet. Add them with owners and due dates._";
        }
        StringBuilder text = new StringBuilder();
        if (noFollowUpReason != null) {
            text.append("No further follow-up needed: ").append(noFollowUpReason).append("\n\n");
        }
        for (FollowUp f : followUps) {
            text.append("- [").append("completed".equals(f.status()) ? 'x' : ' ').append("] ").append(f.title())
                    .append(" — owner ").append(f.owner()).append(", priority ").append(f.priority());
            if (f.dueDate() != null) {
                text.append(", due ").append(f.dueDate());
            }
            if (!"outstanding".equals(f.status())) {
                text.append(", ").append(f.status().replace('_', ' '));
            }
            if (f.externalUrl() != null) {
                text.append(", ").append(f.externalUrl());
            }
            if (f.linear() != null) {
                text.append(", Linear [").append(f.linear().identifier()).append("](").append(f.linear().url())
                        .append(')');
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return d.toSeconds() + " s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        return d.toHours() + " h " + (minutes % 60) + " min";
    }
}
