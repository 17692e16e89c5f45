package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.crisistimeline.command.TestBodies;
import org.crisistimeline.command.audit.Break.Kind;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.actor.ActorKind;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the event store behind the service's back, as a database superuser would, and what the audit finds.
 * Each test tampers with an incident of its own; other tests' events share the store, so assertions look at this
 * test's aggregate only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class TamperEvidenceIT {

    private static final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private static final String EDITOR = TestTokens.token("test-editor", "editor");
    private static final String ADMIN = TestTokens.token("test-auditor", "admin");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Value("${spring.datasource.password}")
    String databasePassword;

    /** A drone strike with an amendment, a second source and a verification: events 0 to 3. */
    private String incident;

    @BeforeEach
    void anIncidentWithFourEvents() {
        write("/api/v1/crises", TestBodies.CRISIS);
        write("/api/v1/actors", TestBodies.UNITED_STATES);
        write("/api/v1/actors", TestBodies.SOLEIMANI);
        incident = "incident-" + UUID.randomUUID();
        assertThat(write("/api/v1/incidents", TestBodies.droneStrike(incident).toString())
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(write("/api/v1/incidents/" + incident + "/amendments", """
                        {"expectedVersion": 1, "changes": {"summary": "A US drone strike kills Qassem Soleimani."},
                         "reason": "shorter"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(write("/api/v1/incidents/" + incident + "/sources", """
                        {"publisher": "Reuters", "url": "https://example.org/r", "publishedAt": "2020-01-03T01:00:00Z"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(write("/api/v1/incidents/" + incident + "/verify", "{\"reason\": \"three sources\"}")
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyStoredEventIsChainedToThePreviousEventOfItsAggregate() throws Exception {
        List<JsonNode> metadata = jdbc.query(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (row, index) -> CanonicalJson.read(row.getBytes(1)),
                incident);

        assertThat(metadata).hasSize(4);
        assertThat(metadata.get(0).get("previousHash").asText()).isEqualTo("0".repeat(64));
        for (int sequence = 1; sequence < 4; sequence++) {
            assertThat(metadata.get(sequence).get("previousHash").asText())
                    .isEqualTo(metadata.get(sequence - 1).get("hash").asText());
        }
        assertThat(metadata)
                .allSatisfy(entries -> assertThat(entries.get("hash").asText()).hasSize(64));
    }

    @Test
    void theHeadsGiveEachAggregatesLastSequenceAndItsHashToAdminsOnly() {
        String lastHash = jdbc.query(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3",
                        (row, index) ->
                                CanonicalJson.read(row.getBytes(1)).get("hash").asText(),
                        incident)
                .get(0);

        ResponseEntity<JsonNode> response = audit(HttpMethod.GET, "/api/v1/audit/heads", null, ADMIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode heads = response.getBody().get("heads");
        assertThat(response.getBody().get("aggregates").asInt()).isEqualTo(heads.size());
        List<JsonNode> ofIncident = Stream.of(heads)
                .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
                .filter(head -> head.get("aggregateId").asText().equals(incident))
                .toList();
        assertThat(ofIncident).hasSize(1);
        assertThat(ofIncident.get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(ofIncident.get(0).get("hash").asText()).isEqualTo(lastHash);
        assertThat(audit(HttpMethod.GET, "/api/v1/audit/heads", null, EDITOR).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aStoreAsAppendedHasNoBreaks() {
        JsonNode report = verify();

        assertThat(breaksOf(incident, report)).isEmpty();
        assertThat(report.get("events").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(report.get("aggregates").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void oneChangedByteOfAStoredPayloadIsReported() {
        tamper("""
                UPDATE domain_event_entry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'kills Qassem', 'kilts Qassem'), 'UTF8')
                WHERE aggregate_identifier = ? AND sequence_number = 0""");

        assertThat(breaksOf(incident, verify())).containsExactly(new Break(incident, 0, Kind.CHANGED, null));
    }

    @Test
    void aChangedTimestampOrMetadataValueIsReported() {
        tamper("""
                UPDATE domain_event_entry
                SET time_stamp = overlay(time_stamp placing (CASE substr(time_stamp, 21, 1) WHEN '9' THEN '8' ELSE '9' END)
                                         from 21 for 1)
                WHERE aggregate_identifier = ? AND sequence_number = 1""");
        tamper("""
                UPDATE domain_event_entry
                SET meta_data = convert_to(jsonb_set(convert_from(meta_data, 'UTF8')::jsonb,
                                                     '{principal}', '"mallory"')::text, 'UTF8')
                WHERE aggregate_identifier = ? AND sequence_number = 2""");

        assertThat(breaksOf(incident, verify()))
                .containsExactly(
                        new Break(incident, 1, Kind.CHANGED, null), new Break(incident, 2, Kind.CHANGED, null));
    }

    @Test
    void anEventDeletedFromTheMiddleIsReportedMissing() {
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1");

        assertThat(breaksOf(incident, verify())).containsExactly(new Break(incident, 1, Kind.MISSING, null));
    }

    @Test
    void twoEventsWithSwappedSequenceNumbersAreReportedOutOfOrder() {
        tamper(
                "UPDATE domain_event_entry SET sequence_number = -1 WHERE aggregate_identifier = ? AND sequence_number = 1");
        tamper(
                "UPDATE domain_event_entry SET sequence_number = 1 WHERE aggregate_identifier = ? AND sequence_number = 2");
        tamper(
                "UPDATE domain_event_entry SET sequence_number = 2 WHERE aggregate_identifier = ? AND sequence_number = -1");

        assertThat(breaksOf(incident, verify()))
                .contains(
                        new Break(incident, 1, Kind.CHANGED, null),
                        new Break(incident, 2, Kind.CHANGED, null),
                        new Break(incident, 2, Kind.OUT_OF_ORDER, null))
                .extracting(Break::kind)
                .contains(Kind.CHAIN_BROKEN);
    }

    @Test
    void twoEventsWithSwappedPayloadsAreBothReportedChanged() {
        tamper("""
                UPDATE domain_event_entry e SET payload = o.payload, payload_type = o.payload_type
                FROM domain_event_entry o
                WHERE e.aggregate_identifier = ? AND o.aggregate_identifier = e.aggregate_identifier
                  AND e.sequence_number IN (2, 3) AND o.sequence_number = 5 - e.sequence_number""");

        assertThat(breaksOf(incident, verify()))
                .containsExactly(
                        new Break(incident, 2, Kind.CHANGED, null), new Break(incident, 3, Kind.CHANGED, null));
    }

    @Test
    void aTruncatedTailIsInvisibleToTheWalkButFoundAgainstACheckpointTakenBefore() {
        JsonNode checkpoint = checkpoint();
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= 2");

        assertThat(breaksOf(incident, verify())).isEmpty();
        assertThat(breaksOf(incident, verifyAgainst(checkpoint)))
                .containsExactly(new Break(incident, 2, Kind.TRUNCATED, null));
    }

    @Test
    void anAggregateDeletedWholeIsFoundAgainstACheckpoint() {
        JsonNode checkpoint = checkpoint();
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?");

        assertThat(breaksOf(incident, verifyAgainst(checkpoint)))
                .containsExactly(new Break(incident, 0, Kind.MISSING, null));
    }

    @Test
    void aChainRewrittenConsistentlyIsFoundOnlyAgainstACheckpointTakenBefore() throws Exception {
        JsonNode checkpoint = checkpoint();
        rewriteLastEventConsistently();

        assertThat(breaksOf(incident, verify())).isEmpty();
        assertThat(breaksOf(incident, verifyAgainst(checkpoint)))
                .containsExactly(new Break(incident, 3, Kind.CHANGED, null));
    }

    @Test
    void aCheckpointLargerThanAnyWriteMayBeStillVerifiesOverHttp() {
        // 8,000 actors with long ids make a checkpoint of over 1.5 MB, beyond the 1 MB a write may bring
        String prefix = "actor-" + UUID.randomUUID() + "-" + "x".repeat(100) + "-";
        List<DomainEventMessage<?>> actors = IntStream.range(0, 8_000)
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>(
                        "Actor",
                        prefix + i,
                        0,
                        new ActorRegistered(prefix + i, "Actor " + i, ActorKind.ARMED_GROUP, null, List.of())))
                .toList();
        transactions.executeWithoutResult(status -> eventStore.publish(actors));
        JsonNode checkpoint = checkpoint();
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", prefix + 7);

        assertThat(checkpoint.toString().getBytes(UTF_8).length).isGreaterThan(1_500_000);
        assertThat(breaksOf(prefix + 7, verifyAgainst(checkpoint)))
                .containsExactly(new Break(prefix + 7, 0, Kind.MISSING, null));
    }

    @Test
    void aCheckpointWithAForgedSignatureIsRefused() {
        JsonNode checkpoint = checkpoint();
        String signature = checkpoint.get("signature").asText();
        ((ObjectNode) checkpoint).put("signature", (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));

        ResponseEntity<JsonNode> response =
                audit(HttpMethod.POST, "/api/v1/audit/verify", checkpoint.toString(), ADMIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("type").asText())
                .isEqualTo("urn:crisis-timeline:problem:checkpoint-not-authentic");
    }

    @Test
    void aCheckpointWithAHeadMovedBackIsRefused() {
        JsonNode checkpoint = checkpoint();
        for (JsonNode head : checkpoint.get("heads")) {
            if (head.get("aggregateId").asText().equals(incident)) {
                ((ObjectNode) head).put("sequence", 1);
            }
        }

        ResponseEntity<JsonNode> response =
                audit(HttpMethod.POST, "/api/v1/audit/verify", checkpoint.toString(), ADMIN);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void onlyAnAdminMayVerifyOrTakeCheckpoints() {
        assertThat(audit(HttpMethod.GET, "/api/v1/audit/verify", null, EDITOR).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(audit(HttpMethod.GET, "/api/v1/audit/checkpoint", null, EDITOR)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/v1/audit/verify", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteStoredEvents() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
                var statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '10s'");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "UPDATE domain_event_entry SET payload = payload WHERE aggregate_identifier = '" + incident
                                    + "'"))
                    .hasMessageContaining("stored events are immutable: UPDATE");
            assertThatThrownBy(() -> statement.executeUpdate(
                            "DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + incident + "'"))
                    .hasMessageContaining("stored events are immutable: DELETE");
            assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE domain_event_entry"))
                    .hasMessageContaining("stored events are immutable: TRUNCATE");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, incident))
                .isEqualTo(4);
    }

    @Test
    void theOfflineVerifierReportsBreaksAndChecksACheckpointWithThePublishedKey(@TempDir Path directory)
            throws Exception {
        Path checkpoint = Files.writeString(
                directory.resolve("checkpoint.json"), checkpoint().toString());
        Path publicKey = Files.writeString(directory.resolve("audit-key.pub.pem"), publicKeyPem());
        tamper("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3");

        var out = new ByteArrayOutputStream();
        int status = VerifyEventStore.run(
                new String[] {
                    "--url", databaseUrl, "--checkpoint", checkpoint.toString(), "--public-key", publicKey.toString()
                },
                Map.of("POSTGRES_USER", databaseUser, "POSTGRES_PASSWORD", databasePassword),
                new PrintStream(out, true, UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8));

        assertThat(status).isEqualTo(VerifyEventStore.BROKEN);
        assertThat(out.toString(UTF_8))
                .contains("authentic")
                .contains("TRUNCATED\t" + incident + "\t3\t")
                .containsPattern("BROKEN: \\d+ aggregates, \\d+ events, \\d+ breaks");
    }

    @Test
    void theOfflineVerifierRefusesACheckpointSignedWithAnotherKey(@TempDir Path directory) throws Exception {
        Path checkpoint = Files.writeString(
                directory.resolve("checkpoint.json"), checkpoint().toString());
        Path otherKey = Files.writeString(
                directory.resolve("other.pub.pem"),
                CheckpointSigner.publicKeyPem(CheckpointSigner.ephemeral().publicKey()));

        var err = new ByteArrayOutputStream();
        int status = VerifyEventStore.run(
                new String[] {
                    "--url", databaseUrl, "--checkpoint", checkpoint.toString(), "--public-key", otherKey.toString()
                },
                Map.of("POSTGRES_USER", databaseUser, "POSTGRES_PASSWORD", databasePassword),
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
                new PrintStream(err, true, UTF_8));

        assertThat(status).isEqualTo(VerifyEventStore.NOT_VERIFIED);
        assertThat(err.toString(UTF_8)).contains("checkpoint refused");
    }

    @Test
    void aPublishedEventCarriesItsHashAsACloudEventsExtension() {
        String storedHash = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0",
                String.class,
                incident);

        assertThat(publishedHeader(incident, CloudEventHeaders.HASH)).isEqualTo(storedHash);
    }

    /**
     * What a superuser who knows the scheme can do: change the last event and recompute its hash, so that the chain
     * alone no longer shows it.
     */
    private void rewriteLastEventConsistently() throws Exception {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT event_identifier, type, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 3",
                incident);
        var payload = (ObjectNode) json.readTree((byte[]) row.get("payload"));
        payload.put("reason", "one source");
        var metadata = (ObjectNode) json.readTree((byte[]) row.get("meta_data"));
        String hash = new EventEnvelope(
                        incident,
                        (String) row.get("type"),
                        (String) row.get("event_identifier"),
                        3,
                        EventEnvelope.typeOf((String) row.get("payload_type"), (String) row.get("payload_revision")),
                        (String) row.get("time_stamp"),
                        payload,
                        metadata)
                .hash(metadata.get("previousHash").asText());
        metadata.put("hash", hash);
        tamper(
                "UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE aggregate_identifier = ? AND sequence_number = 3",
                payload.toString().getBytes(UTF_8),
                metadata.toString().getBytes(UTF_8),
                incident);
    }

    /** Runs {@code sql} with {@code incident} as its only parameter, with the event store's trigger off. */
    private void tamper(String sql) {
        tamper(sql, incident);
    }

    /** As a superuser who switched triggers off for the session: the trigger does not stop this, only the audit can. */
    private void tamper(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword)) {
            try (var off = connection.createStatement()) {
                off.execute("SET session_replication_role = replica");
            }
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                assertThat(statement.executeUpdate()).isPositive();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode verify() {
        ResponseEntity<JsonNode> response = audit(HttpMethod.GET, "/api/v1/audit/verify", null, ADMIN);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode verifyAgainst(JsonNode checkpoint) {
        ResponseEntity<JsonNode> response =
                audit(HttpMethod.POST, "/api/v1/audit/verify", checkpoint.toString(), ADMIN);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("checkpointCreatedAt").asText())
                .isEqualTo(checkpoint.get("createdAt").asText());
        return response.getBody();
    }

    private JsonNode checkpoint() {
        ResponseEntity<JsonNode> response = audit(HttpMethod.GET, "/api/v1/audit/checkpoint", null, ADMIN);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String publicKeyPem() {
        var headers = new HttpHeaders();
        headers.setBearerAuth(ADMIN);
        return http.exchange("/api/v1/audit/public-key", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
    }

    private ResponseEntity<JsonNode> audit(HttpMethod method, String path, String body, String token) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The breaks of one aggregate, details left out (they are for people, not for assertions). */
    private static List<Break> breaksOf(String aggregateId, JsonNode report) {
        assertThat(report.get("breaks").size())
                .isEqualTo(report.get("breakCount").asInt());
        return Stream.of(json.convertValue(report.get("breaks"), Break[].class))
                .filter(found -> found.aggregateId().equals(aggregateId))
                .map(found -> new Break(found.aggregateId(), found.sequence(), found.kind(), null))
                .toList();
    }

    private ResponseEntity<JsonNode> write(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(EDITOR);
        return http.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String publishedHeader(String key, String header) {
        var properties = new Properties();
        properties.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header value = record.headers().lastHeader(header);
                    Header sequence = record.headers().lastHeader("ce_sequence");
                    if (key.equals(record.key()) && "0".equals(new String(sequence.value(), UTF_8))) {
                        return value == null ? null : new String(value.value(), UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("No event with key " + key + " was published within 30 s");
    }
}
