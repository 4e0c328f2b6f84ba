package io.firebreak.notification.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the Slack stand-in (service-support's initializer brings PostgreSQL and the tokens). */
public class NotificationInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("firebreak.notification.slack.api-url=" + FakeSlack.get().apiUrl())
                .applyTo(context.getEnvironment());
    }
}
