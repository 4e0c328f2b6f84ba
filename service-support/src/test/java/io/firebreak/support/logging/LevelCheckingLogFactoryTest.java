package io.firebreak.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LevelCheckingLogFactoryTest {

    private final Logger logback = (Logger) LoggerFactory.getLogger("io.firebreak.support.logging.sample");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LevelCheckingLogFactoryTest() {
        appender.start();
        logback.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logback.detachAppender(appender);
        logback.setLevel(null);
    }

    @Test
    void commonsLoggingFindsTheFactoryThroughItsServiceFile() {
        assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckingLogFactory.class);
        assertThat(LogFactory.getLog("io.firebreak.support.logging.sample")).isInstanceOf(LevelCheckingLog.class);
    }

    @Test
    void aMessageBelowTheLevelIsNeverRendered() {
        logback.setLevel(Level.INFO);
        Log log = LogFactory.getLog("io.firebreak.support.logging.sample");
        Rendering message = new Rendering("routing decision");

        log.debug(message);
        log.trace(message, new IllegalStateException("ignored"));

        assertThat(message.renders.get()).as("renders of a disabled message").isZero();
        assertThat(appender.list).isEmpty();
    }

    @Test
    void aMessageAtAnEnabledLevelReachesLogbackWithItsLoggerAndLevel() {
        logback.setLevel(Level.DEBUG);
        Log log = LogFactory.getLog("io.firebreak.support.logging.sample");

        log.debug(new Rendering("routing decision"));
        log.warn("slow consumer", new IllegalStateException("lagging"));

        assertThat(appender.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage,
                ILoggingEvent::getLoggerName).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Level.DEBUG, "routing decision",
                                "io.firebreak.support.logging.sample"),
                        org.assertj.core.groups.Tuple.tuple(Level.WARN, "slow consumer",
                                "io.firebreak.support.logging.sample"));
        assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("lagging");
    }

    /** A lazily built message, as Spring's LogMessage is: it counts how often it was turned into text. */
    private static final class Rendering {

        private final String text;
        private final AtomicInteger renders = new AtomicInteger();

        Rendering(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            renders.incrementAndGet();
            return text;
        }
    }
}
