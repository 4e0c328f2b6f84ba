package io.firebreak.debrief.readmodel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up action of an incident; {@code createdBy} and {@code updatedBy} are the people behind the credentials
 * (null on actions recorded before people were); {@code linear} the Linear issue it is mirrored to, once created.
 */
public record FollowUp(String id, String incidentId, String title, String owner, LocalDate dueDate, String priority,
        String externalUrl, String status, Instant createdAt, Instant updatedAt, Instant completedAt, boolean overdue,
        Person createdBy, Person updatedBy, LinearIssue linear) {
}
