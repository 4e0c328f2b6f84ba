package io.firebreak.statuspage.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in tests: the system time plus an offset a test may move, so scheduled work (maintenance
 * starting and completing at its times) is tested by jumping time, never by waiting. Tests that move it put it back.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClock {

    private static volatile Duration offset = Duration.ZERO;

    /** Moves the service's time forward (or back) by {@code by}. */
    public static void jump(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Bean
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }
}
