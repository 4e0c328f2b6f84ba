package io.firebreak.statuspage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StatuspageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatuspageServiceApplication.class, args);
    }
}
