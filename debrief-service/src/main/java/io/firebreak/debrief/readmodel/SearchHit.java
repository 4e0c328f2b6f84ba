package io.firebreak.debrief.readmodel;

/** An incident whose debrief matched a search, and how well (PostgreSQL {@code ts_rank}, higher is better). */
public record SearchHit(IncidentRecord incident, double rank) {
}
