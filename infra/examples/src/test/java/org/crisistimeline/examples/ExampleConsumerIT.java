package org.crisistimeline.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example consumer against a real broker, holding what the topic can hold: old versions, repeats, new types. */
class ExampleConsumerIT {

    private static final String SERVERS = TestInfrastructure.get().kafkaBootstrapServers();
    private static final String STRIKE_V1 = """
            {"incidentId":"strike-1","crisisId":"iran-us-2020","type":"STRIKE","occurredAt":"2020-01-02T22:00:00Z",\
            "occurredPrecision":"HOUR","location":{"country":"IQ"},"actors":[{"actorId":"us","role":"INITIATOR"}],\
            "summary":"A drone strike","details":{"method":"DRONE","target":"convoy","casualties":{"killed":10}},\
            "sources":[{"publisher":"Sky News","url":"https://news.sky.com/x","publishedAt":"2020-01-07T06:00:00Z"}],\
            "confidence":"HIGH"}""";

    @BeforeAll
    static void theTopicHoldsAFewEvents() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS))) {
            admin.createTopics(List.of(new NewTopic(Topics.EVENTS, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        String actor = "{\"actorId\":\"us\",\"name\":\"United States\",\"kind\":\"STATE\",\"country\":\"US\","
                + "\"aliases\":[]}";
        try (var producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(event("org.crisistimeline.ActorRegistered.v1", "us", 0, actor));
            producer.send(event("org.crisistimeline.ActorRegistered.v1", "us", 0, actor)); // delivered twice
            producer.send(event("org.crisistimeline.IncidentRecorded.v1", "strike-1", 0, STRIKE_V1));
            producer.send(event("org.crisistimeline.EarthquakeFelt.v1", "quake-1", 0, "{\"magnitude\":5}"));
            producer.flush();
        }
    }

    @Test
    void theJarPrintsEachEventOnceInTodaysShapeAndSkipsTypesItDoesNotKnow() throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        System.getProperty("exampleConsumerJar"),
                        "--bootstrap-server",
                        SERVERS,
                        "--group",
                        "example-" + UUID.randomUUID(),
                        "--exit-when-idle")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.startsWith("2020-")))
                .containsExactly(
                        "2020-01-08T10:00:00Z org.crisistimeline.ActorRegistered.v1 us#0 STATE United States",
                        "2020-01-08T10:00:00Z org.crisistimeline.IncidentRecorded.v1 strike-1#0"
                                + " STRIKE on 2020-01-02T22:00:00Z: A drone strike");
    }

    @Test
    void anOldVersionIsReadIntoTodaysRecordAndItsValueIsKeptAsItCame() {
        List<ExampleConsumer.Received> received = new ArrayList<>();

        ExampleConsumer.consume(SERVERS, "example-" + UUID.randomUUID(), Duration.ofSeconds(3), received::add);

        ExampleConsumer.Received strike = received.stream()
                .filter(event -> event.subject().equals("strike-1"))
                .findFirst()
                .orElseThrow();
        assertThat(((StrikeDetails) ((IncidentRecorded) strike.event()).details())
                        .casualties()
                        .killed())
                .isEqualTo(StrikeDetails.Estimate.exactly(10));
        assertThat(strike.value().at("/details/casualties/killed").intValue()).isEqualTo(10);
    }

    private static ProducerRecord<String, byte[]> event(String type, String subject, long sequence, String value) {
        var headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8));
        headers.add("ce_type", type.getBytes(UTF_8));
        headers.add("ce_source", "/crisis-timeline/command-service".getBytes(UTF_8));
        headers.add("ce_subject", subject.getBytes(UTF_8));
        headers.add("ce_time", "2020-01-08T10:00:00Z".getBytes(UTF_8));
        headers.add("ce_sequence", Long.toString(sequence).getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        return new ProducerRecord<>(Topics.EVENTS, null, subject, value.getBytes(UTF_8), headers);
    }
}
