package io.firebreak.statuspage.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the name of every thread that takes a JDBC connection, so a test can prove that no database work ever
 * runs on a Netty event-loop thread ({@code reactor-http-*}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class JdbcThreads {

    private static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    /** Names of the threads that took a connection since the context started (or the last {@link #clear()}). */
    public static Set<String> seen() {
        return Set.copyOf(THREADS);
    }

    public static void clear() {
        THREADS.clear();
    }

    @Bean
    static BeanPostProcessor recordJdbcThreads() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Recording)
                        ? new Recording(dataSource) : bean;
            }
        };
    }

    private static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            THREADS.add(Thread.currentThread().getName());
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            THREADS.add(Thread.currentThread().getName());
            return super.getConnection(username, password);
        }
    }
}
