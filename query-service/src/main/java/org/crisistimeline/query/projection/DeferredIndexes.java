package org.crisistimeline.query.projection;

import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.crisistimeline.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild's faster route: a read model that starts empty drops the indexes that only queries use (listed in
 * index_deferral, V30) before its first event and builds them again once it has caught up with the topic, each sorted in
 * one go. Until then the service is not ready ({@code rebuild} in the readiness group): its timelines are
 * incomplete anyway. A service stopped meanwhile builds them when it has caught up after its restart.
 */
@Component("rebuildHealthIndicator")
class DeferredIndexes implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

    /** Serialises the instances and consumers that drop or build the indexes. */
    private static final long LOCK = 0x696e_6465_7865_73L;

    /** Records left on the topic at which the consumer counts as caught up: about one poll. */
    static final long CAUGHT_UP = 2_000;

    /** Below this many events on the topic the indexes are kept: building them afterwards would not pay. */
    static final long WORTH_DEFERRING = 50_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LongSupplier eventsOnTopic;
    private volatile boolean deferred;

    @Autowired
    DeferredIndexes(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaAdmin kafka) {
        this(jdbc, transaction, () -> eventsOnTopic(kafka));
    }

    DeferredIndexes(JdbcTemplate jdbc, TransactionTemplate transaction, LongSupplier eventsOnTopic) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.eventsOnTopic = eventsOnTopic;
    }

    /** Before the consumers start: an empty read model with a long topic ahead of it defers its indexes. */
    @PostConstruct
    void deferIfEmpty() {
        transaction.executeWithoutResult(status -> {
            lock();
            boolean applied = Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM aggregate_position)", Boolean.class));
            if (applied || eventsOnTopic.getAsLong() < WORTH_DEFERRING) {
                return;
            }
            List<String> names = jdbc.queryForList(
                    "SELECT name FROM index_deferral WHERE definition IS NULL AND to_regclass(name) IS NOT NULL",
                    String.class);
            for (String name : names) {
                jdbc.update(
                        "UPDATE index_deferral SET definition = pg_get_indexdef(to_regclass(name)) WHERE name = ?",
                        name);
                jdbc.execute("DROP INDEX " + quoted(name));
            }
            if (!names.isEmpty()) {
                log.info("The read model is empty: {} deferred until it has caught up with the topic", names);
            }
        });
        deferred = !pending().isEmpty();
    }

    /** After a poll: builds the indexes when this consumer is within about a poll of the end of its partitions. */
    void buildIfCaughtUp(Consumer<?, ?> consumer) {
        if (!deferred) {
            return;
        }
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty()) {
                return;
            }
            behind += lag.getAsLong();
        }
        if (behind <= CAUGHT_UP) {
            build();
        }
    }

    /** A consumer that found nothing to read for a while has caught up (an empty topic never delivers a poll). */
    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        if (deferred) {
            build();
        }
    }

    synchronized void build() {
        if (!deferred) {
            return;
        }
        long started = System.nanoTime();
        List<String> built = new ArrayList<>();
        // One transaction per index: a build holds the lock of one table at a time, so it cannot deadlock with a
        // consumer whose batch writes that table after another one the build already locked.
        for (String name : pending().keySet()) {
            transaction.executeWithoutResult(status -> {
                lock();
                // the sort in memory rather than in temporary files
                jdbc.execute("SET LOCAL maintenance_work_mem = '256MB'");
                String definition = pending().get(name);
                if (definition != null) {
                    jdbc.execute(definition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "));
                    jdbc.update("UPDATE index_deferral SET definition = NULL WHERE name = ?", name);
                    built.add(name);
                }
            });
        }
        deferred = false;
        if (!built.isEmpty()) {
            log.info(
                    "Caught up with the topic: built {} in {} ms",
                    built,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    @Override
    public Health health() {
        List<String> pending = List.copyOf(pending().keySet());
        return pending.isEmpty()
                ? Health.up().build()
                : Health.outOfService()
                        .withDetail("rebuilding", "catching up with the topic; indexes built then: " + pending)
                        .build();
    }

    private Map<String, String> pending() {
        Map<String, String> definitions = new LinkedHashMap<>();
        jdbc.query(
                "SELECT name, definition FROM index_deferral WHERE definition IS NOT NULL ORDER BY name",
                (RowCallbackHandler) row -> definitions.put(row.getString(1), row.getString(2)));
        return definitions;
    }

    /** The records on the event topic, or 0 when the broker does not say within a few seconds (nothing is deferred). */
    private static long eventsOnTopic(KafkaAdmin kafka) {
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        // a broker out of reach must not hold the start for the client's default minute
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        Admin admin = Admin.create(config);
        try {
            List<TopicPartition> partitions = admin
                    .describeTopics(List.of(Topics.EVENTS))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(Topics.EVENTS)
                    .partitions()
                    .stream()
                    .map(partition -> new TopicPartition(Topics.EVENTS, partition.partition()))
                    .toList();
            return offsets(admin, partitions, OffsetSpec.latest()) - offsets(admin, partitions, OffsetSpec.earliest());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.info("Could not count the events on the topic ({}); the indexes are kept", e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static long offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                .sum();
    }

    private void lock() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", (RowCallbackHandler) row -> {}, LOCK);
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
