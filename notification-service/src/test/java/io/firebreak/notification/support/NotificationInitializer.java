package io.firebreak.notification.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the Slack and provider stand-ins (Twilio, ntfy, SMTP) (service-support's initializer brings PostgreSQL and the tokens). */
public class NotificationInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        FakeProviders providers = FakeProviders.get();
        TestPropertyValues.of("firebreak.notification.slack.api-url=" + FakeSlack.get().apiUrl(),
                "firebreak.notification.paging.pagerduty-events-url=" + providers.pagerDutyUrl(),
                "firebreak.notification.contact.email.host=127.0.0.1",
                "firebreak.notification.contact.email.port=" + providers.smtpPort(),
                "firebreak.notification.contact.email.from=firebreak@acme.test",
                "firebreak.notification.contact.twilio.base-url=" + providers.baseUrl(),
                "firebreak.notification.contact.twilio.account-sid=" + FakeProviders.ACCOUNT_SID,
                "firebreak.notification.contact.twilio.auth-token=" + FakeProviders.AUTH_TOKEN,
                "firebreak.notification.contact.twilio.from=" + FakeProviders.FROM,
                "firebreak.notification.contact.ntfy.access-token=tk_testaccesstoken")
                .applyTo(context.getEnvironment());
    }
}
