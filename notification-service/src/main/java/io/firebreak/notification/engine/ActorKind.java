package io.firebreak.notification.engine;

/**
 * Who acknowledged a page: a person, an integration or Firebreak itself. The engine's own copy of the event
 * schema's {@code ActorKind} (same names), so callers such as the web layer need no Avro types.
 */
public enum ActorKind {
    HUMAN,
    INTEGRATION,
    SYSTEM
}
