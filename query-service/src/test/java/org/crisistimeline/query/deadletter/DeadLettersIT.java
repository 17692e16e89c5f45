package org.crisistimeline.query.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.incident;
import static org.crisistimeline.query.Events.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.query.projection.MalformedEvent;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.ContextConfiguration;

/**
 * Poison records on the real broker and database: they go to the dead-letter topic and the partition moves on; the
 * later events of their incident wait, and a retry after the fix applies them all, in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class DeadLettersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Instant RECORDED_AT = Instant.parse("2020-01-09T08:00:00Z");
    private static final String DEAD_LETTER_TOPIC = "crisis-timeline.events.v1.dlt";
    /** Every record of a test on one partition, so that "the partition moves on" is about the same partition. */
    private static final int PARTITION = 0;

    private final TopicPublisher topic = new TopicPublisher();

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsErrorAndThePartitionMovesOn() {
        String unreadable = unique("unreadable");
        String next = unique("next");
        ProducerRecord<String, byte[]> garbled = onePartition(strike(unreadable, 0));
        topic.send(new ProducerRecord<>(
                garbled.topic(), PARTITION, garbled.key(), "{\"incidentId\": ".getBytes(UTF_8), garbled.headers()));

        topic.send(onePartition(strike(next, 0)));

        await().atMost(PATIENCE).until(() -> isShown(next));
        JsonNode deadLetter = openDeadLetterOf(unreadable);
        assertThat(deadLetter.get("error").asText()).contains("MalformedEvent", "not the JSON of");
        assertThat(deadLetter.get("cloudEventType").asText()).isEqualTo(EventType.INCIDENT_RECORDED.cloudEventType());
        assertThat(deadLetter.get("partition").asInt()).isEqualTo(PARTITION);
        assertThat(deadLetter.get("value").asText()).isEqualTo("{\"incidentId\": ");

        ConsumerRecord<String, byte[]> published = awaitOnDeadLetterTopic(unreadable);
        assertThat(header(published, "kafka_dlt-exception-message")).contains("not the JSON of");
        assertThat(header(published, "kafka_dlt-original-topic")).isEqualTo(Topics.EVENTS);
        assertThat(header(published, "ce_subject")).isEqualTo(unreadable);
    }

    @Test
    void laterEventsOfAnIncidentWaitBehindItsDeadLetterAndARetryAfterTheFixAppliesThemInOrder() {
        String incidentId = unique("held-back");
        String later = unique("later");
        String unrelated = unique("unrelated");
        // what makes the projection fail until it is fixed: a row that is in the way
        insertIncidentRow(incidentId);

        topic.send(onePartition(strike(incidentId, 0)));
        // the incident's next event; until it has later events of its own (issue 4), a stand-in of the same
        // aggregate: anything applied out of order would be refused later as already seen, by its sequence
        topic.send(onePartition(topic.record(
                incidentId,
                1,
                RECORDED_AT,
                incident(later, "iran-us-2020", IncidentType.VOTE, "2020-01-05T12:00:00Z", "IQ"))));
        topic.send(onePartition(strike(unrelated, 0)));

        await().atMost(PATIENCE).until(() -> isShown(unrelated));
        JsonNode deadLetter = await().atMost(PATIENCE)
                .until(() -> openDeadLetterOf(incidentId), d -> d.get("parked").asInt() == 1);
        assertThat(deadLetter.get("error").asText()).contains("DuplicateKeyException");
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(1);
        assertThat(isShown(later)).as("waits behind the dead letter").isFalse();
        long id = deadLetter.get("id").asLong();

        Api.Response tooEarly = api.post("/api/v1/admin/dead-letters/" + id + "/retry");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.contentType().toString()).isEqualTo("application/problem+json");
        assertThat(tooEarly.body().get("error").asText()).contains("DuplicateKeyException");
        assertThat(api.get("/api/v1/admin/dead-letters/" + id)
                        .body()
                        .get("attempts")
                        .asInt())
                .isEqualTo(2);
        assertThat(isShown(later)).isFalse();

        jdbc.update("DELETE FROM incident_version WHERE incident_id = ?", incidentId); // the fix
        Api.Response retried = api.post("/api/v1/admin/dead-letters/" + id + "/retry");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("parkedApplied").asInt()).isEqualTo(1);
        assertThat(retried.body().get("nextDeadLetter").isNull()).isTrue();
        assertThat(api.get("/api/v1/incidents/" + incidentId)
                        .body()
                        .get("summary")
                        .asText())
                .isEqualTo("What happened: " + incidentId);
        assertThat(isShown(later)).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT last_sequence FROM aggregate_position WHERE aggregate_id = ?", Long.class, incidentId))
                .isEqualTo(1L);
        assertThat(api.get("/api/v1/admin/dead-letters").body().findValuesAsText("aggregateId"))
                .doesNotContain(incidentId);
        assertThat(api.get("/api/v1/admin/dead-letters/" + id)
                        .body()
                        .get("resolvedAt")
                        .isNull())
                .isFalse();

        // and its events after the retry are applied as they come
        String afterwards = unique("afterwards");
        topic.send(onePartition(topic.record(
                incidentId,
                2,
                RECORDED_AT,
                incident(afterwards, "iran-us-2020", IncidentType.STATEMENT, "2020-01-06T12:00:00Z", "GB"))));
        await().atMost(PATIENCE).until(() -> isShown(afterwards));
        assertThat(api.post("/api/v1/admin/dead-letters/" + id + "/retry")
                        .body()
                        .get("alreadyResolved")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAloneAndTheRestOfItsPollIsApplied() {
        String before = unique("before");
        String poison = unique("poison");
        String after = unique("after");
        // the consumer paused while they are published, so that one poll brings them all
        listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
        try {
            await().atMost(PATIENCE)
                    .until(() -> listeners.getListenerContainers().stream()
                            .allMatch(MessageListenerContainer::isContainerPaused));
            topic.send(onePartition(strike(before, 0)));
            ProducerRecord<String, byte[]> garbled = onePartition(strike(poison, 0));
            topic.send(new ProducerRecord<>(
                    garbled.topic(), PARTITION, garbled.key(), "[".getBytes(UTF_8), garbled.headers()));
            topic.send(onePartition(strike(poison, 1)));
            topic.send(onePartition(strike(after, 0)));
        } finally {
            listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        }

        await().atMost(PATIENCE).until(() -> isShown(after));
        assertThat(isShown(before)).isTrue();
        JsonNode deadLetter = await().atMost(PATIENCE)
                .until(() -> openDeadLetterOf(poison), d -> d.get("parked").asInt() == 1);
        assertThat(deadLetter.get("error").asText()).startsWith(MalformedEvent.class.getName());
        assertThat(isShown(poison)).as("its later event waits behind it").isFalse();
    }

    @Test
    void anUnknownDeadLetterIsNotFound() {
        Api.Response response = api.post("/api/v1/admin/dead-letters/999999999/retry");

        assertThat(response.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/dead-letters/999999999").status()).isEqualTo(404);
    }

    private ProducerRecord<String, byte[]> strike(String incidentId, long sequence) {
        IncidentRecorded strike =
                incident(incidentId, "iran-us-2020", IncidentType.STRIKE, "2020-01-04T12:00:00Z", "IQ");
        return topic.record(incidentId, sequence, RECORDED_AT, strike);
    }

    private static ProducerRecord<String, byte[]> onePartition(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), PARTITION, record.key(), record.value(), record.headers());
    }

    private boolean isShown(String incidentId) {
        return api.get("/api/v1/incidents/" + incidentId).status() == 200;
    }

    private JsonNode openDeadLetterOf(String aggregateId) {
        return await().atMost(PATIENCE)
                .until(
                        () -> {
                            for (JsonNode deadLetter :
                                    api.get("/api/v1/admin/dead-letters").body().get("items")) {
                                if (aggregateId.equals(
                                        deadLetter.path("aggregateId").asText())) {
                                    return deadLetter;
                                }
                            }
                            return null;
                        },
                        found -> found != null);
    }

    private void insertIncidentRow(String incidentId) {
        jdbc.update("""
                INSERT INTO incident_version (incident_id, version, kind, valid_from, crisis_id, type, occurred_at,
                                              occurred_precision, country, actors, summary, details, status,
                                              recorded_at)
                VALUES (?, 1, 'RECORDED', '2020-01-05T00:00:00Z', 'iran-us-2020', 'STRIKE', '2020-01-04T12:00:00Z',
                        'DAY', 'IQ', '[]'::jsonb, 'In the way', '{}'::jsonb, 'RECORDED', '2020-01-05T00:00:00Z')
                """, incidentId);
    }

    private static ConsumerRecord<String, byte[]> awaitOnDeadLetterTopic(String key) {
        var properties = new Properties();
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTER_TOPIC));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No dead letter with key " + key + " on " + DEAD_LETTER_TOPIC);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
