package io.firebreak.statuspage.subscribers.web;

/** {@code GET /api/v1/status-page/incidents/{id}/customer-email}: what CustomerEmailSent without texts would send. */
public record CustomerEmailDraft(String subject, String message) {
}
