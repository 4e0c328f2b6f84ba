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

    /**
     * {@code force}: declare even when the declaration resembles an open incident (otherwise 409 with candidates).
     * {@code type}: ENGINEERING (default), SUPPORT, BILLING, SECURITY, VENDOR or OTHER. {@code drill}: a drill.
     * {@code suspectedExposure}: CARD_DATA, CREDENTIALS, KEYS, PERSONAL_DATA (or card-data, …). {@code videoBridgeUrl}:
     * a call link attached at once.
     */
    public record DeclareRequest(String title, String summary, String severity, Boolean customerImpact,
            List<String> affectedServices, PersonBody incidentLead, Boolean force, String type, Boolean drill,
            List<String> suspectedExposure, String videoBridgeUrl) {
    }

    public record SeverityRequest(String severity, String reason) {
    }

    public record StatusRequest(String status, String note) {
    }

    /** {@code whatYouCanDo}: what customers can do meanwhile, on CUSTOMER updates only. */
    public record UpdateRequest(String audience, String whatIsHappening, String whoIsAffected, String whatWeAreDoing,
            Instant nextUpdateAt, Integer nextUpdateInMinutes, String whatYouCanDo) {
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

    /** {@code lever} and {@code outcome} by name; {@code note} is required for NOT_APPLICABLE. */
    public record ContainmentRequest(String lever, String outcome, String note) {
    }

    public record IdentifiedRequest(String cause) {
    }

    public record VideoBridgeRequest(String url) {
    }

    /** Publish on the status page by hand; either may be left out to keep the current public wording. */
    public record PublishRequest(String publicTitle, String publicMessage) {
    }

    /** {@code reason} is internal: the timeline shows it, the status page never does. */
    public record HideRequest(String reason) {
    }

    /** At least one of the two. */
    public record WordingRequest(String publicTitle, String publicMessage) {
    }

    /** OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE or UNDER_MAINTENANCE. */
    public record ComponentStatusRequest(String status) {
    }

    /** Either may be left out: the status page's draft is sent then. */
    public record CustomerEmailRequest(String subject, String message) {
    }
}
