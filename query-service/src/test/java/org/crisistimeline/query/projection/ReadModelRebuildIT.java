package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.crisistimeline.query.Events.incident;
import static org.crisistimeline.query.Events.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.query.Api;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ContextConfiguration;

/**
 * Rebuilding the read model from scratch (tables emptied, the consumer group back at the start of the topic) reads
 * every event again and publishes none: the query service has no producer of events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ReadModelRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Value("${spring.kafka.consumer.group-id}")
    private String group;

    private Admin admin;
    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()));
    }

    @AfterEach
    void tearDown() {
        listeners.start();
        admin.close();
    }

    @Test
    void rebuildingTheReadModelFromTheTopicPutsNothingOnTheTopic() throws Exception {
        String incidentId = unique("rebuilt");
        new TopicPublisher()
                .publish(
                        incidentId,
                        Instant.parse("2020-01-09T08:00:00Z"),
                        incident(incidentId, "iran-us-2020", IncidentType.STATEMENT, "2020-01-06T10:00:00Z", "GB"));
        await().atMost(PATIENCE).until(() -> isShown(incidentId));
        Map<TopicPartition, Long> before = endOffsets();

        listeners.stop();
        jdbc.execute("TRUNCATE incident_version, incident_source, incident_named_actor, incident_link,"
                + " timeline_entry_version, actor_title, event_log, actor, crisis, aggregate_position");
        assertThat(isShown(incidentId)).isFalse();
        Map<TopicPartition, OffsetAndMetadata> fromTheStart = before.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, fromTheStart).all().get(30, TimeUnit.SECONDS);
        listeners.start();

        await().atMost(PATIENCE).until(() -> isShown(incidentId) && caughtUp(before));
        assertThat(endOffsets()).as("not one record more on the event topic").isEqualTo(before);
    }

    private boolean isShown(String incidentId) {
        return api.get("/api/v1/incidents/" + incidentId).status() == 200;
    }

    private boolean caughtUp(Map<TopicPartition, Long> endOffsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(Topics.EVENTS))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(Topics.EVENTS)
                .partitions()
                .stream()
                .map(partition -> new TopicPartition(Topics.EVENTS, partition.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
