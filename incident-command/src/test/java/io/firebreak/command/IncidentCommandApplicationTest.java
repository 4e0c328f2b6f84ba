package io.firebreak.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class IncidentCommandApplicationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void startsItsApplicationContext() {
        assertThat(context.getBean(IncidentCommandApplication.class)).isNotNull();
    }
}
