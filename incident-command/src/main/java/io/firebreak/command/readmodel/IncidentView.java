package io.firebreak.command.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firebreak.command.api.Actor;
import io.firebreak.command.api.ComponentStatus;
import io.firebreak.command.api.ContainmentLever;
import io.firebreak.command.api.ContainmentOutcome;
import io.firebreak.command.api.ExposureKind;
import io.firebreak.command.api.IncidentRole;
import io.firebreak.command.api.IncidentSource;
import io.firebreak.command.api.IncidentStatus;
import io.firebreak.command.api.IncidentType;
import io.firebreak.command.api.Person;
import io.firebreak.command.api.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An incident as dashboards see it; {@code version} is the aggregate sequence of the last event applied.
 * {@code roles} holds one person per role (for INVESTIGATION_OWNER the first investigator); {@code investigators} every
 * investigator. {@code containment} lists every lever in the order of docs/process.md#containment, pending or with its
 * latest record; {@code containedAt} is the first CONTAINED step; {@code identifiedAt} the first "identified"
 * milestone and {@code cause} the latest cause given. {@code statusPage}: the comms owner's controls (issue 17).
 */
public record IncidentView(
        String id,
        String reference,
        String title,
        String summary,
        Severity severity,
        String reportedSeverity,
        IncidentStatus status,
        boolean customerImpact,
        List<String> affectedServices,
        IncidentSource source,
        String sourceKey,
        String channelName,
        Instant detectedAt,
        Instant declaredAt,
        Instant updatedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        Instant closedAt,
        String resolution,
        String debriefUrl,
        Map<IncidentRole, Person> roles,
        LatestUpdate latestUpdate,
        Instant nextUpdateAt,
        IncidentType type,
        boolean drill,
        List<ExposureKind> suspectedExposure,
        List<Person> investigators,
        List<ContainmentStep> containment,
        Instant containedAt,
        Instant identifiedAt,
        String cause,
        String videoBridgeUrl,
        StatusPage statusPage,
        long version) {

    /** The most recent update, internal or customer-facing; {@code whatYouCanDo} a customer update's workaround. */
    public record LatestUpdate(String updateId, String audience, String whatIsHappening, String whoIsAffected,
            String whatWeAreDoing, Instant nextUpdateAt, Instant postedAt, String whatYouCanDo) {
    }

    /**
     * What the comms owner set by hand for the public status page: {@code published} is true once published by hand,
     * false once hidden, null while neither happened (the status page's automatic rules decide then); {@code hidden}
     * until published again; the public wording (null: none set); component statuses by component id;
     * {@code customerEmailSentAt} the last time the customer e-mail was sent.
     */
    public record StatusPage(Boolean published, boolean hidden, String publicTitle, String publicMessage,
            Map<String, ComponentStatus> components, Instant customerEmailSentAt) {
    }

    /**
     * One lever of the containment checklist: {@code pending} until recorded, then its latest record ({@code outcome},
     * {@code note}, when and by whom) and how many times it was recorded. A pending lever leaves out what it does not
     * have: every incident of a list page carries its checklist, and four rows of nulls doubled an incident's size.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContainmentStep(ContainmentLever lever, boolean pending, ContainmentOutcome outcome, String note,
            Instant recordedAt, Actor recordedBy, int attempts) {

        static ContainmentStep notRecorded(ContainmentLever lever) {
            return new ContainmentStep(lever, true, null, null, null, null, 0);
        }
    }
}
