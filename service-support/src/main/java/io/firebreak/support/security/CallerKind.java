package io.firebreak.support.security;

/** Who is behind a credential: a person, a monitoring or chat integration, or Firebreak itself. */
public enum CallerKind {
    HUMAN,
    INTEGRATION,
    SYSTEM
}
