package io.firebreak.command.web.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer PagerDuty's Events API v2 gives, field for field, so senders that read it keep working. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PagerDutyAnswer(String status, String message, @JsonProperty("dedup_key") String dedupKey,
        List<String> errors) {

    static PagerDutyAnswer accepted(String dedupKey) {
        return new PagerDutyAnswer("success", "Event processed", dedupKey, null);
    }

    static PagerDutyAnswer invalid(List<String> errors) {
        return new PagerDutyAnswer("invalid event", "Event object is invalid", null, errors);
    }

    static PagerDutyAnswer throttled() {
        return new PagerDutyAnswer("throttle event",
                "Requests for this service are arriving too quickly. Please retry later.", null, null);
    }
}
