package io.firebreak.command.web.incidents;

import io.firebreak.command.api.Person;
import java.time.Instant;
import java.util.List;

/** Request bodies of the incident API (JSON, camelCase). Enums arrive as text and are parsed leniently. */
public final class Requests {

    private Requests() {
    }

    public record PersonBody(String id, String name, String email, String slackUserId) {

        Person toPerson() {
            return new Person(id, name, email, slackUserId);
        }

        static Person toPerson(PersonBody body) {
            return body == null ? null : body.toPerson();
        }
    }

    /** {@code force}: declare even when the declaration resembles an open incident (otherwise 409 with candidates). */
    public record DeclareRequest(String title, String summary, String severity, Boolean customerImpact,
            List<String> affectedServices, PersonBody incidentLead, Boolean force) {
    }

    public record SeverityRequest(String severity, String reason) {
    }

    public record StatusRequest(String status, String note) {
    }

    public record UpdateRequest(String audience, String whatIsHappening, String whoIsAffected, String whatWeAreDoing,
            Instant nextUpdateAt, Integer nextUpdateInMinutes) {
    }

    public record NoteRequest(String kind, String text) {
    }

    public record CustomerImpactRequest(Boolean customerImpact, List<String> affectedServices) {
    }

    public record ResolveRequest(String resolution, Instant mitigatedAt) {
    }

    public record ReopenRequest(String reason) {
    }

    public record CloseRequest(String debriefUrl) {
    }

    public record RoleRequest(PersonBody assignee) {
    }
}
