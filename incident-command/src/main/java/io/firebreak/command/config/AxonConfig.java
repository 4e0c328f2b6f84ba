package io.firebreak.command.config;

import io.firebreak.command.domain.UpdateCadence;
import io.firebreak.command.domain.RolePolicy;
import io.firebreak.command.domain.TitleSimilarity;
import io.firebreak.command.api.Person;
import io.firebreak.command.application.LeadDeadlineWatch;
import io.firebreak.command.application.PossibleDuplicates;
import io.firebreak.command.readmodel.IncidentViewRepository;
import io.firebreak.command.store.LeadDeadlineTimers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.transaction.PlatformTransactionManager;
import io.firebreak.command.api.Actor;
import io.firebreak.command.api.Commands;
import io.firebreak.command.readmodel.DebriefCompletions;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import io.firebreak.command.application.CommandLanes;
import io.firebreak.command.application.CommandOutcome;
import org.axonframework.commandhandling.CommandBus;
import io.firebreak.command.store.CheckedAggregateCache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /**
     * A global index is taken from a sequence before commit, so a streaming reader sees holes that fill later.
     * Axon forgets a hole when the event above it carries a timestamp older than the gap timeout (AxonFramework
     * #4829, #2728), and a slow commit is then skipped for good. With this timeout that shortcut never fires;
     * holes are dropped only once they fall {@code maxGapOffset} (10,000) events behind. Configurable
     * ({@code firebreak.event-store.gap-timeout-millis}) only so a test can show what the default would lose.
     */
    static final int GAP_TIMEOUT_MILLIS = Integer.MAX_VALUE;

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, EventSchema eventSchema,
            @Value("${firebreak.event-store.gap-timeout-millis:" + GAP_TIMEOUT_MILLIS + "}") int gapTimeoutMillis) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .gapTimeout(gapTimeoutMillis)
                .build();
    }

    @Bean
    public SnapshotTriggerDefinition incidentSnapshotTrigger(Snapshotter snapshotter, FirebreakProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.getSnapshotThreshold());
    }

    /**
     * Incidents stay in memory between their commands, checked against the event store before each use
     * ({@link CheckedAggregateCache}), so a command no longer reads back and replays every event of its incident.
     */
    @Bean
    public CheckedAggregateCache incidentCache(JdbcTemplate jdbc, FirebreakProperties properties) {
        return new CheckedAggregateCache(jdbc, properties.getCommands().getCachedIncidents());
    }

    /** Tells the incident cache which version each unit of work leaves its incidents at. */
    @Bean
    public SmartInitializingSingleton incidentCacheVersions(EventStore eventStore) {
        return () -> eventStore.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message instanceof DomainEventMessage<?> event) {
                CheckedAggregateCache.noteApplied(event);
            }
            return message;
        });
    }

    /** Copies who issued a command (and a declaration's request fingerprint) onto every event it causes. */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        List<String> keys = new ArrayList<>(Actor.METADATA_KEYS);
        keys.add(Commands.REQUEST_FINGERPRINT);
        return new SimpleCorrelationDataProvider(keys.toArray(String[]::new));
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CommandLanes commandLanes(FirebreakProperties properties) {
        return new CommandLanes(properties.getCommands().getMaxWaiting(), properties.getCommands().getMaxWait());
    }

    /**
     * Lets {@link CommandOutcome} see how each command's transaction completed (committed, rolled back, or cut off
     * while committing), so a failure is never answered with "nothing changed" when something did.
     */
    @Bean
    public SmartInitializingSingleton commandOutcomeObserver(CommandBus commandBus) {
        return () -> commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            CommandOutcome outcome = CommandOutcome.current();
            if (outcome != null && TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(outcome.synchronization());
            }
            return chain.proceed();
        });
    }

    /**
     * Gives every {@code CloseIncident} the URL of its incident's completed debrief, when debrief-service has announced
     * one: the aggregate cannot read tables, and whatever sends the command (HTTP, Slack's requests) gets the same gate.
     */
    @Bean
    public SmartInitializingSingleton debriefCompletionOnClose(CommandBus commandBus, DebriefCompletions completions) {
        return () -> commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof Commands.CloseIncident close) {
                java.util.Optional<String> url = completions.debriefUrl(close.incidentId());
                if (url.isPresent()) {
                    return message.andMetaData(java.util.Map.of(Commands.COMPLETED_DEBRIEF_URL, url.get()));
                }
            }
            return message;
        });
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public RolePolicy rolePolicy(FirebreakProperties properties) {
        return new RolePolicy(properties.getRoles().getDistinctOn());
    }

    @Bean
    public PossibleDuplicates possibleDuplicates(IncidentViewRepository views, FirebreakProperties properties) {
        return new PossibleDuplicates(views, new TitleSimilarity(properties.getDuplicates().getTitleSimilarity()),
                properties.getDuplicates().getMaxCandidates());
    }

    @Bean
    public LeadDeadlineWatch leadDeadlineWatch(LeadDeadlineTimers timers, CommandGateway gateway,
            PlatformTransactionManager transactionManager, Clock clock, FirebreakProperties properties) {
        FirebreakProperties.Roles roles = properties.getRoles();
        Person defaultLead = roles.getDefaultLead();
        if (defaultLead != null && (defaultLead.id() == null || defaultLead.id().isBlank() || defaultLead.name() == null
                || defaultLead.name().isBlank())) {
            throw new IllegalStateException("firebreak.roles.default-lead needs an id and a name");
        }
        return new LeadDeadlineWatch(timers, gateway, transactionManager, clock,
                new LeadDeadlineWatch.Settings(roles.getLeadDeadline(), roles.getLeadDeadlinePoll(), defaultLead));
    }

    @Bean
    public UpdateCadence updateCadence(FirebreakProperties properties) {
        return new UpdateCadence(properties.getUpdateCadence());
    }
}
