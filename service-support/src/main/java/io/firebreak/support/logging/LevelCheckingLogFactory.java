package io.firebreak.support.logging;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * Commons Logging's SLF4J factory, whose logs check the level before they touch the message. Commons Logging 1.3's
 * location-aware SLF4J log turns every message into a string first and lets the backend drop it, so each
 * {@code logger.debug(LogMessage.format(...))} in Spring's and Spring Security's request path formatted a message
 * nobody reads: 3.5 % of statuspage-service's event-loop samples serving a cached page (BENCHMARKS.md). Chosen
 * through {@code META-INF/services/org.apache.commons.logging.LogFactory}, which Commons Logging consults before its
 * own SLF4J detection; logging still ends in SLF4J and Logback, with the same loggers and levels.
 */
public final class LevelCheckingLogFactory extends LogFactory {

    private final LogFactory slf4j = new Slf4jLogFactory();

    @Override
    public Log getInstance(Class<?> clazz) {
        return new LevelCheckingLog(slf4j.getInstance(clazz));
    }

    @Override
    public Log getInstance(String name) {
        return new LevelCheckingLog(slf4j.getInstance(name));
    }

    @Override
    public Object getAttribute(String name) {
        return slf4j.getAttribute(name);
    }

    @Override
    public String[] getAttributeNames() {
        return slf4j.getAttributeNames();
    }

    @Override
    public void release() {
        slf4j.release();
    }

    @Override
    public void removeAttribute(String name) {
        slf4j.removeAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        slf4j.setAttribute(name, value);
    }
}
