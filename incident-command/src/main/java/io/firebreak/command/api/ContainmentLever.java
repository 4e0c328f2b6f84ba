package io.firebreak.command.api;

/**
 * The containment levers of docs/process.md#containment, declared in the order they are pulled: the cheapest, most
 * reversible first. A lever is recorded only once every lever before it has a record (pulled, or NOT_APPLICABLE).
 */
public enum ContainmentLever {
    FEATURE_FLAG_OFF, DEPLOY_ROLLBACK, MIGRATION_ROLLBACK, DATA_CORRECTION
}
