package org.crisistimeline.query.projection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.events.EventType;
import org.crisistimeline.events.actor.ActorRegistered;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.crisistimeline.query.Events;
import org.crisistimeline.query.KafkaRecordFixture;
import org.crisistimeline.query.TopicPublisher;
import org.crisistimeline.query.event.EventEnvelope;
import org.junit.jupiter.api.Test;

class EventRecordReaderTest {

    private final EventRecordReader reader = new EventRecordReader();
    private final ActorRegistered raab = Events.actor("raab", "Dominic Raab", "GB");

    @Test
    void recordIsReadWithItsCloudEventsAttributes() {
        Optional<EventEnvelope> event = reader.read(
                consumed(new TopicPublisher().record("raab", 4, Instant.parse("2020-01-05T10:00:00Z"), raab)));

        assertThat(event)
                .contains(new EventEnvelope(
                        EventType.ACTOR_REGISTERED, "raab", 4, Instant.parse("2020-01-05T10:00:00Z"), raab));
    }

    @Test
    void principalIsReadWhenTheEventCarriesOne() {
        assertThat(reader.read(withHeader(CloudEventHeaders.PRINCIPAL, "editor-ann"))
                        .orElseThrow()
                        .principal())
                .isEqualTo("editor-ann");
        assertThat(reader.read(withHeader(CloudEventHeaders.PRINCIPAL, null))
                        .orElseThrow()
                        .principal())
                .isNull();
    }

    @Test
    void timeWithAnOffsetIsRead() {
        ConsumerRecord<String, byte[]> record = withHeader(CloudEventHeaders.TIME, "2020-01-05T12:00:00+02:00");

        assertThat(reader.read(record).orElseThrow().recordedAt()).isEqualTo(Instant.parse("2020-01-05T10:00:00Z"));
    }

    @Test
    void eventOfAnUnknownTypeIsSkipped() {
        ConsumerRecord<String, byte[]> record =
                withHeader(CloudEventHeaders.TYPE, "org.crisistimeline.IncidentMerged.v1");

        assertThat(reader.read(record)).isEmpty();
    }

    @Test
    void eventOfAnOlderVersionIsReadInTodaysShape() {
        ProducerRecord<String, byte[]> v1 = KafkaRecordFixture.read("/samples/incident-recorded.v1.kafka-record.json")
                .toProducerRecord();

        EventEnvelope event = reader.read(consumed(v1)).orElseThrow();

        assertThat(event.type()).isEqualTo(EventType.INCIDENT_RECORDED);
        StrikeDetails strike =
                (StrikeDetails) event.payload(IncidentRecorded.class).details();
        assertThat(strike.casualties().killed()).isEqualTo(StrikeDetails.Estimate.exactly(10));
    }

    @Test
    void eventOfAVersionNewerThanThisServiceKnowsIsRefusedNotSkipped() {
        String newer = "org.crisistimeline.ActorRegistered.v" + (EventType.ACTOR_REGISTERED.version() + 1);

        assertThatThrownBy(() -> reader.read(withHeader(CloudEventHeaders.TYPE, newer)))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageContaining("upgrade");
    }

    @Test
    void recordWithoutARequiredHeaderIsRefused() {
        for (String header : new String[] {
            CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT, CloudEventHeaders.SEQUENCE, CloudEventHeaders.TIME
        }) {
            ConsumerRecord<String, byte[]> record = withHeader(header, null);

            assertThatThrownBy(() -> reader.read(record))
                    .as(header)
                    .isInstanceOf(MalformedEvent.class)
                    .hasMessage("Unreadable event at crisis-timeline.events.v1-2@17: header " + header + " is missing");
        }
    }

    @Test
    void garbledSequenceOrTimeIsRefused() {
        assertThatThrownBy(() -> reader.read(withHeader(CloudEventHeaders.SEQUENCE, "seven")))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageEndingWith("ce_sequence is not a number: seven");
        assertThatThrownBy(() -> reader.read(withHeader(CloudEventHeaders.SEQUENCE, "-1")))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageEndingWith("ce_sequence is negative: -1");
        assertThatThrownBy(() -> reader.read(withHeader(CloudEventHeaders.TIME, "yesterday")))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageEndingWith("ce_time is not an RFC 3339 time: yesterday");
    }

    @Test
    void unreadableValueIsRefused() {
        ProducerRecord<String, byte[]> produced = new TopicPublisher().record("raab", 0, Instant.EPOCH, raab);

        assertThatThrownBy(() -> reader.read(consumed(produced, "{\"actorId\": ".getBytes(UTF_8))))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageEndingWith("the value is not the JSON of org.crisistimeline.ActorRegistered.v1");
        assertThatThrownBy(() -> reader.read(consumed(produced, "null".getBytes(UTF_8))))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> reader.read(consumed(produced, null))).isInstanceOf(MalformedEvent.class);
    }

    /** A complete record of {@link #raab} with one header replaced, or removed when {@code value} is null. */
    private ConsumerRecord<String, byte[]> withHeader(String name, String value) {
        ProducerRecord<String, byte[]> produced =
                new TopicPublisher().record("raab", 0, Instant.parse("2020-01-05T10:00:00Z"), raab);
        produced.headers().remove(name);
        if (value != null) {
            produced.headers().add(name, value.getBytes(UTF_8));
        }
        return consumed(produced);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        return consumed(produced, produced.value());
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced, byte[] value) {
        Headers headers = new RecordHeaders(produced.headers().toArray());
        return new ConsumerRecord<>(
                produced.topic(),
                2,
                17,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                produced.key(),
                value,
                headers,
                Optional.empty());
    }
}
