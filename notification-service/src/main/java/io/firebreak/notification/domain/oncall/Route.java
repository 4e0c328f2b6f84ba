package io.firebreak.notification.domain.oncall;

/** Where an incident's pages go, as {@link Routing} decides. */
public sealed interface Route {

    /** Escalate with {@code policy}; {@code ref} finds it again when a step times out. */
    record Escalate(String ref, EscalationPolicy policy, String serviceId) implements Route {
    }

    /** Page nobody; tell the team's channel (a Minor incident outside the owning team's business hours). */
    record TellChannel(String channel, Team team, Service service) implements Route {
    }

    /** No service of the incident is in the catalog: the default policy decides. */
    record Default() implements Route {
    }
}
