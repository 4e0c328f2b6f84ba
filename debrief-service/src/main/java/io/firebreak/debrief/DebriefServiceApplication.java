package io.firebreak.debrief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DebriefServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DebriefServiceApplication.class, args);
    }
}
