package io.firebreak.support.testing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the shared embedded PostgreSQL and gives it the {@link TestTokens}. */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + TestPostgres.jdbcUrl(),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres"));
        properties.addAll(TestTokens.properties());
        TestPropertyValues.of(properties).applyTo(context.getEnvironment());
    }
}
