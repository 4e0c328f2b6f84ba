package io.firebreak.statuspage.subscribers.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.firebreak.statuspage.subscribers.domain.NoticeText;
import io.firebreak.statuspage.subscribers.storage.IncidentFactsReader;
import io.firebreak.support.problem.ApiProblem;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The customer e-mail draft (issue 17 item 6; {@code incidents:read}): public title, impact window, what we are
 * doing, what you can do. CustomerEmailSent without a subject or message sends exactly this.
 */
@RestController
public class CustomerEmailController {

    private final IncidentFactsReader incidents;
    private final Scheduler blocking;
    private final Clock clock;
    private final String pageName;
    private final String pageUrl;

    public CustomerEmailController(IncidentFactsReader incidents, @Qualifier("blockingScheduler") Scheduler blocking,
            Clock clock, StatusPageProperties properties) {
        this.incidents = incidents;
        this.blocking = blocking;
        this.clock = clock;
        this.pageName = properties.getName();
        this.pageUrl = properties.getUrl();
    }

    @GetMapping("/api/v1/status-page/incidents/{id}/customer-email")
    public Mono<CustomerEmailDraft> draft(@PathVariable String id) {
        return Mono.fromCallable(() -> incidents.read(id)).subscribeOn(blocking).map(incident -> {
            if (incident.isEmpty()) {
                throw ApiProblem.notFound("incident with this id");
            }
            NoticeText.Message draft = NoticeText.customerEmail(pageName, NoticeText.stripSlash(pageUrl),
                    incident.get().facts(), clock.instant());
            return new CustomerEmailDraft(draft.subject(), draft.body());
        });
    }
}
