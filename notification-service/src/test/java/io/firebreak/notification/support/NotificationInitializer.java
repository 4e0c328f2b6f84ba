package io.firebreak.notification.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the shared embedded PostgreSQL and the Slack stand-in. */
public class NotificationInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new PostgresInitializer().initialize(context);
        TestPropertyValues.of("firebreak.notification.slack.api-url=" + FakeSlack.get().apiUrl())
                .applyTo(context.getEnvironment());
    }
}
