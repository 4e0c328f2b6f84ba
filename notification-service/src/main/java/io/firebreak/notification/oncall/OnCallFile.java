package io.firebreak.notification.oncall;

import io.firebreak.notification.config.NotificationProperties;
import io.firebreak.notification.config.NotificationProperties.Paging;
import io.firebreak.notification.domain.oncall.EscalationPolicy;
import io.firebreak.notification.domain.oncall.EscalationStep;
import io.firebreak.notification.domain.oncall.Layer;
import io.firebreak.notification.domain.oncall.Override;
import io.firebreak.notification.domain.oncall.Person;
import io.firebreak.notification.domain.oncall.Rotation;
import io.firebreak.notification.domain.oncall.RotationType;

import io.firebreak.notification.domain.oncall.Target;
import io.firebreak.support.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Config as code: at start, before any incident event is consumed, the paging section of {@code application.yml}
 * (people, rotations, per-severity policies: the seed) and then the file named by
 * {@code firebreak.notification.oncall-file} are upserted into the model. Each item is written only when its
 * definition differs from what was last applied from configuration (a digest per item), so an edit made through
 * the API survives restarts until the file changes that item. Invalid content stops the start, naming the item and
 * the field.
 */
@Component
public class OnCallFile implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OnCallFile.class);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final OnCallDirectory directory;
    private final OnCallStore store;
    private final NotificationProperties properties;
    private final ResourceLoader resources;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OnCallFile(OnCallDirectory directory, OnCallStore store, NotificationProperties properties,
            ResourceLoader resources, PlatformTransactionManager transactionManager, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.properties = properties;
        this.resources = resources;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @java.lang.Override
    public void afterSingletonsInstantiated() {
        apply(seed(properties.paging()), Editor.SEED);
        String file = properties.oncallFile();
        if (file != null && !file.isBlank()) {
            apply(read(file), Editor.CONFIG_FILE);
        }
    }

    /** Reads a configuration file from a Spring resource location ({@code classpath:…}, {@code file:…}). */
    public OnCallDocument read(String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return YAML.readValue(in, OnCallDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the on-call file " + location + ": " + e.getMessage(), e);
        }
    }

    /** Applies a document in one transaction; returns how many items were written (unchanged ones are skipped). */
    public int apply(OnCallDocument document, Editor editor) {
        Integer written = transaction.execute(status -> {
            store.lockForImport();
            int count = 0;
            for (Person p : document.people()) {
                count += item(OnCallKind.PERSON, p.id(), p, editor);
            }
            for (OnCallDocument.FileSchedule s : document.schedules()) {
                count += item(OnCallKind.SCHEDULE, s.id(), s.schedule(), editor);
            }
            for (var t : document.teams()) {
                count += item(OnCallKind.TEAM, t.id(), t, editor);
            }
            for (var p : document.escalationPolicies()) {
                count += item(OnCallKind.POLICY, p.id(), p, editor);
            }
            for (var s : document.services()) {
                count += item(OnCallKind.SERVICE, s.id(), s, editor);
            }
            for (OnCallDocument.FileSchedule s : document.schedules()) {
                for (OnCallDocument.FileOverride o : s.overrides() == null ? List.<OnCallDocument.FileOverride>of()
                        : s.overrides()) {
                    if (o.id() == null) {
                        throw new IllegalStateException("On-call file: every override of schedule " + s.id()
                                + " needs an id");
                    }
                    Override override = new Override(o.id(), s.id(), o.kind(), o.addPerson(), o.removePerson(),
                            o.start(), o.end());
                    if (changed("override", o.id(), override)) {
                        guarded("override", o.id(), () -> directory.writeOverride(override, editor));
                        applied("override", o.id(), override);
                        count++;
                    }
                }
            }
            return count;
        });
        log.info("oncall.config_applied source={} written={}", editor.id(), written);
        return written == null ? 0 : written;
    }

    private int item(OnCallKind kind, String id, Object item, Editor editor) {
        if (id == null) {
            throw new IllegalStateException("On-call configuration: a " + kind.entity() + " without an id");
        }
        if (!changed(kind.entity(), id, item)) {
            return 0;
        }
        guarded(kind.entity(), id, () -> directory.write(kind, id, item, editor));
        applied(kind.entity(), id, item);
        return 1;
    }

    private boolean changed(String entity, String id, Object item) {
        return !store.appliedDigest(entity, id).map(digest(item)::equals).orElse(false);
    }

    private void applied(String entity, String id, Object item) {
        store.recordApplied(entity, id, digest(item), clock.instant());
    }

    private static void guarded(String entity, String id, Runnable write) {
        try {
            write.run();
        } catch (ApiProblem problem) {
            throw new IllegalStateException("On-call configuration: " + entity + " " + id + " is refused: "
                    + problem.getMessage(), problem);
        }
    }

    private static String digest(Object item) {
        try {
            byte[] json = OnCallStore.JSON.writeValueAsString(item).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The paging section of {@code application.yml} as model items: its people; each rotation as a schedule of
     * one layer (same id, UTC); each policy as {@code default} (key DEFAULT) or {@code default-<severity>}, the
     * policies that route incidents whose services are not in the catalog.
     */
    static OnCallDocument seed(Paging paging) {
        Map<String, Person> people = new LinkedHashMap<>();
        List<OnCallDocument.FileSchedule> schedules = new ArrayList<>();
        for (NotificationProperties.Rotation r : paging.rotations() == null
                ? List.<NotificationProperties.Rotation>of() : paging.rotations()) {
            List<String> ids = new ArrayList<>();
            for (NotificationProperties.Person p : r.people()) {
                people.putIfAbsent(p.id(), person(p));
                ids.add(p.id());
            }
            ZonedDateTime start = r.start().atZone(ZoneOffset.UTC);
            Duration handoff = r.handoff();
            RotationType type;
            long length;
            if (handoff.toDays() > 0 && handoff.toDays() % 7 == 0 && handoff.equals(Duration.ofDays(handoff.toDays()))) {
                type = RotationType.WEEKLY;
                length = handoff.toDays() / 7;
            } else if (handoff.equals(Duration.ofDays(handoff.toDays())) && handoff.toDays() > 0) {
                type = RotationType.DAILY;
                length = handoff.toDays();
            } else if (handoff.equals(Duration.ofHours(handoff.toHours())) && handoff.toHours() > 0) {
                type = RotationType.HOURLY;
                length = handoff.toHours();
            } else {
                throw new IllegalStateException("Rotation " + r.name() + ": hand-off must be whole hours");
            }
            Rotation rotation = new Rotation(r.name(), r.name(), type, (int) length, start.toLocalTime(),
                    start.toLocalDate(), "UTC", ids);
            schedules.add(new OnCallDocument.FileSchedule(r.name(), r.name(), "UTC",
                    List.of(new Layer(rotation, null)), List.of(), List.of()));
        }
        for (NotificationProperties.Person p : paging.people() == null ? List.<NotificationProperties.Person>of()
                : paging.people()) {
            people.putIfAbsent(p.id(), person(p));
        }
        List<EscalationPolicy> policies = new ArrayList<>();
        if (paging.policies() != null) {
            paging.policies().forEach((key, policy) -> {
                String id = key.equalsIgnoreCase("DEFAULT") ? "default" : "default-" + key.toLowerCase(Locale.ROOT);
                List<EscalationStep> steps = policy.levels().stream().map(level -> new EscalationStep(level.ackTimeout(),
                        level.targets().stream().map(Target::parseLegacy).toList())).toList();
                policies.add(new EscalationPolicy(id, "Default (" + key.toLowerCase(Locale.ROOT) + ")", steps,
                        policy.repeat()));
            });
        }
        return new OnCallDocument(List.copyOf(people.values()), schedules, List.of(), policies, List.of());
    }

    private static Person person(NotificationProperties.Person p) {
        return new Person(p.id(), p.name() == null ? p.id() : p.name(), p.slackUserId(), p.email(), null);
    }

}
