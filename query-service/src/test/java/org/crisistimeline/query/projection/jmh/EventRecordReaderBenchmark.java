package org.crisistimeline.query.projection.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.crisistimeline.events.SampleIncidents.missileAttack;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.Topics;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.query.event.EventEnvelope;
import org.crisistimeline.query.projection.EventRecordReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the query service does with every record before the read model sees it: the CloudEvents headers checked and
 * parsed, the value read into its event. Run by infra/bench/jmh.sh, never by the tests.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EventRecordReaderBenchmark {

    private final EventRecordReader reader = new EventRecordReader();
    private ConsumerRecord<String, byte[]> record;

    @Setup
    public void consumedAsPublished() throws IOException {
        IncidentRecorded incident = missileAttack();
        byte[] value = EventJson.newMapper().writeValueAsBytes(incident);
        record = new ConsumerRecord<>(
                Topics.EVENTS,
                2,
                17,
                Instant.parse("2020-01-08T00:12:03.450Z").toEpochMilli(),
                TimestampType.CREATE_TIME,
                incident.incidentId().length(),
                value.length,
                incident.incidentId(),
                value,
                headers(incident),
                Optional.empty());
        if (!reader.read(record).orElseThrow().payload().equals(incident)) {
            throw new IllegalStateException("the record does not read back the incident: " + incident);
        }
    }

    @Benchmark
    public Optional<EventEnvelope> read() {
        return reader.read(record);
    }

    /** Every header the command service's EventPublisher sets, in its order, with values of their usual length. */
    private static RecordHeaders headers(IncidentRecorded incident) {
        var headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, "5b0e8c3e-9a43-4a4e-8f57-2d6f0b8f1c11");
        header(headers, CloudEventHeaders.TYPE, EventType.INCIDENT_RECORDED.cloudEventType());
        header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        header(headers, CloudEventHeaders.SUBJECT, incident.incidentId());
        header(headers, CloudEventHeaders.TIME, "2020-01-08T00:12:03.417Z");
        header(headers, CloudEventHeaders.SEQUENCE, "0");
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE);
        header(headers, CloudEventHeaders.PRINCIPAL, "alice");
        header(headers, CloudEventHeaders.REQUEST_ID, "6f1d2c3b-4a59-4e8d-b7c6-a5f4e3d2c1b0");
        header(headers, CloudEventHeaders.HASH, "3f9a".repeat(16));
        return headers;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(UTF_8));
    }
}
