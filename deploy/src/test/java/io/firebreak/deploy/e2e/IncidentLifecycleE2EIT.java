package io.firebreak.deploy.e2e;

import java.util.Map;

/** The scenario against the stack exactly as {@code ./firebreak-local} runs it: zonky PostgreSQL and a KRaft broker process. */
class IncidentLifecycleE2EIT extends SeedsScenario {

    @Override
    Map<String, String> infrastructure() {
        return Map.of();
    }
}
