package io.firebreak.command.config;

import com.zaxxer.hikari.HikariDataSource;
import io.firebreak.command.messaging.IncidentEventPublisher;
import io.firebreak.command.messaging.PublisherSettings;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Two connection pools, so a burst of requests can never starve publication: the request pool
 * ({@code spring.datasource.hikari.*}: commands, reads, ingest, the snapshotter, which runs on the command's
 * thread after its commit) and a small pool of the Kafka publisher's own ({@code firebreak.publisher-pool.*}) for
 * its token store and its reading of the event store. In the probe, fifty concurrent commands on one incident
 * held all twenty connections and the publisher and snapshotter waited for one with the requests.
 *
 * <p>Declaring the second pool means declaring the first too (Boot's own backs off when any DataSource exists);
 * the first is {@link Primary}, so Flyway, {@code JdbcTemplate}, the transaction manager and Axon's command side
 * keep using it as before.
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfig {

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(DataSourceProperties properties) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("requests");
        return dataSource;
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("firebreak.publisher-pool")
    public HikariDataSource publisherDataSource(DataSourceProperties properties,
            @Qualifier("dataSource") HikariDataSource requests) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("publisher");
        dataSource.setSchema(requests.getSchema());
        dataSource.setMaximumPoolSize(3);
        dataSource.setMinimumIdle(1);
        return dataSource;
    }

    /**
     * The publisher's view of the event store: the same table, read through its own pool and transactions. It
     * polls every {@code firebreak.publisher.fetch-delay} (the request side's store does not notify it). Not a bean
     * of type {@code EventStore}: Axon would take it for the application's event store.
     */
    @Bean(destroyMethod = "shutDown")
    public PublisherEventSource publisherEventSource(@Qualifier("publisherDataSource") HikariDataSource dataSource,
            Serializer defaultSerializer, @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver, EventSchema eventSchema,
            org.axonframework.config.Configuration configuration,
            @Value("${firebreak.event-store.gap-timeout-millis:" + AxonConfig.GAP_TIMEOUT_MILLIS + "}")
            int gapTimeoutMillis, PublisherSettings settings) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .connectionProvider(connectionProvider(dataSource))
                .transactionManager(transactionManager(dataSource))
                .schema(eventSchema)
                .gapTimeout(gapTimeoutMillis)
                .build();
        return new PublisherEventSource(EmbeddedEventStore.builder().storageEngine(engine)
                .fetchDelay(settings.fetchDelay().toMillis())
                .build());
    }

    /** The publisher's token store and transactions on its own pool. */
    @Bean
    public ConfigurerModule publisherOnItsOwnPool(@Qualifier("publisherDataSource") HikariDataSource dataSource,
            TokenSchema tokenSchema, PublisherSettings settings) {
        TransactionManager transactions = transactionManager(dataSource);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTransactionManager(IncidentEventPublisher.GROUP, c -> transactions)
                .registerTokenStore(IncidentEventPublisher.GROUP, c -> tokenStore(dataSource, tokenSchema,
                        c.serializer(), settings.nodeId())));
    }

    private static TokenStore tokenStore(HikariDataSource dataSource, TokenSchema schema, Serializer serializer,
            String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider(dataSource))
                // a batch may retry Kafka for up to 30 s and more (PublisherSettings.retryWindow) while holding the claim;
                // a crashed instance's claim is taken back at once by its relaunch (same node id), and by another
                // instance only after this timeout
                .claimTimeout(java.time.Duration.ofSeconds(60))
                .nodeId(nodeId)
                .schema(schema)
                .serializer(serializer)
                .build();
    }

    private static UnitOfWorkAwareConnectionProviderWrapper connectionProvider(HikariDataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    private static TransactionManager transactionManager(HikariDataSource dataSource) {
        return new SpringTransactionManager(new JdbcTransactionManager(dataSource));
    }
}
