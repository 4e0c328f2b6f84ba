package io.firebreak.command.messaging;

import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database slow to commit: after a command's events are inserted (and their global indexes
 * taken), PostgreSQL holds the transaction open for up to 300 ms before it commits. Concurrent writers then
 * commit out of index order, which is what leaves holes in front of a streaming reader.
 */
@Configuration(proxyBeanMethods = false)
class SlowCommits {

    @Bean
    InitializingBean slowCommitInterceptor(CommandBus commandBus, JdbcTemplate jdbc) {
        MessageHandlerInterceptor<org.axonframework.commandhandling.CommandMessage<?>> interceptor =
                (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    double seconds = ThreadLocalRandom.current().nextInt(300) / 1000.0;
                    unitOfWork.onPrepareCommit(u -> jdbc.execute("SELECT pg_sleep(" + seconds + ")"));
                    return result;
                };
        return () -> commandBus.registerHandlerInterceptor(interceptor);
    }
}
