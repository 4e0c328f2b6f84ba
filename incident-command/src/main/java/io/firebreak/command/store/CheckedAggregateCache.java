package io.firebreak.command.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's aggregate cache for incidents, so a command no longer reads and replays the incident's events: the
 * cached aggregate is used only while its version is still the newest sequence number in the event store
 * (one index lookup, in the command's transaction). Another incident-command instance may have appended since;
 * then the entry is dropped and Axon replays the events as before. An append that races with another instance
 * still fails on the event store's (aggregate, sequence) uniqueness; Axon then rolls back, which removes the entry,
 * and the command is answered 503 with Retry-After, nothing changed ({@code CommandProblemHandler}).
 *
 * <p>Axon's cache entry does not tell its version, so the version is learnt from the events themselves:
 * {@link #noteApplied} sees every event a unit of work appends, and {@link #put} keeps the entry, once committed,
 * with the last one. An entry put by a unit of work that neither appended an event nor used a checked entry is not
 * kept.
 * Bounded (least recently used out), because a weak-reference cache loses every entry at each young collection.
 */
public final class CheckedAggregateCache implements Cache {

    private static final String VERSION = "firebreak.cachedVersion.";
    private static final String HEAD = "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?";

    private final JdbcTemplate jdbc;
    private final Map<Object, Versioned> entries;

    public CheckedAggregateCache(JdbcTemplate jdbc, int capacity) {
        this.jdbc = jdbc;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Versioned> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers, for the unit of work applying it, the newest sequence number of the event's aggregate. */
    public static void noteApplied(DomainEventMessage<?> event) {
        if (CurrentUnitOfWork.isStarted()) {
            remember(CurrentUnitOfWork.get(), event.getAggregateIdentifier(), event.getSequenceNumber());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Versioned cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        if (cached == null) {
            return null;
        }
        Long head = jdbc.queryForObject(HEAD, Long.class, key.toString());
        if (head == null || head != cached.version()) {
            remove(key);
            return null;
        }
        if (CurrentUnitOfWork.isStarted()) {
            remember(CurrentUnitOfWork.get(), key.toString(), head);
        }
        return (V) cached.entry();
    }

    /**
     * Axon puts while the unit of work prepares to commit, before the event bus has seen its events; the entry is
     * kept from the commit on, with the version the unit of work left the incident at.
     */
    @Override
    public void put(Object key, Object value) {
        remove(key);
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> {
            Long version = unitOfWork.getResource(VERSION + key);
            if (version != null) {
                synchronized (entries) {
                    entries.put(key, new Versioned(value, version));
                }
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
        }
        put(key, value);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        // nothing in Firebreak listens to the aggregate cache
        return () -> true;
    }

    private static void remember(UnitOfWork<?> unitOfWork, String aggregateId, long sequence) {
        unitOfWork.root().resources().merge(VERSION + aggregateId, sequence,
                (known, added) -> Math.max((Long) known, (Long) added));
    }

    private record Versioned(Object entry, long version) {
    }
}
