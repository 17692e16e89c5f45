package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.crisistimeline.events.incident.IncidentAmended;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventEnvelopeTest {

    private static final String SOME_HASH = "ab".repeat(32);

    static EventEnvelope amendment() {
        return new EventEnvelope(
                "soleimani-killed",
                "Incident",
                "6f1c2b1e-0d0c-4c59-9a44-1d2b8f4b6a10",
                1,
                EventEnvelope.typeOf(IncidentAmended.class.getName(), "1"),
                "2020-01-07T06:00:00.123Z",
                json(
                        "{\"incidentId\": \"soleimani-killed\", \"reason\": \"two cars\", \"changes\": {\"lat\": 33.2625}}"),
                json("{\"principal\": \"alice\", \"hash\": \"" + SOME_HASH + "\", \"previousHash\": \"" + SOME_HASH
                        + "\"}"));
    }

    @Test
    void theHashIsSha256OfThePreviousHashFollowedByTheCanonicalEnvelope() {
        String canonical = "{\"aggregateId\":\"soleimani-killed\",\"aggregateType\":\"Incident\","
                + "\"eventId\":\"6f1c2b1e-0d0c-4c59-9a44-1d2b8f4b6a10\","
                + "\"metadata\":{\"principal\":\"alice\"},"
                + "\"payload\":{\"changes\":{\"lat\":33.2625},\"incidentId\":\"soleimani-killed\",\"reason\":\"two cars\"},"
                + "\"recordedAt\":\"2020-01-07T06:00:00.123Z\",\"sequence\":1,"
                + "\"type\":\"org.crisistimeline.IncidentAmended.v1\"}";
        byte[] expected = EventEnvelope.sha256().digest((SOME_HASH + canonical).getBytes(UTF_8));

        assertThat(new String(CanonicalJson.of(amendment().toJson()), UTF_8)).isEqualTo(canonical);
        assertThat(amendment().hash(SOME_HASH)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void theChainEntriesOfTheMetadataAreNotPartOfWhatIsHashed() {
        EventEnvelope withoutChain = new EventEnvelope(
                "soleimani-killed",
                "Incident",
                "6f1c2b1e-0d0c-4c59-9a44-1d2b8f4b6a10",
                1,
                "org.crisistimeline.IncidentAmended.v1",
                "2020-01-07T06:00:00.123Z",
                amendment().payload(),
                json("{\"principal\": \"alice\"}"));

        assertThat(withoutChain.hash(EventEnvelope.GENESIS))
                .isEqualTo(amendment().hash(EventEnvelope.GENESIS));
    }

    @Test
    void theSameEventChainedToAnotherPredecessorHasAnotherHash() {
        assertThat(amendment().hash(EventEnvelope.GENESIS))
                .isNotEqualTo(amendment().hash(SOME_HASH));
    }

    static Stream<Arguments> changes() {
        return Stream.<Arguments>of(
                change(
                        "aggregate id",
                        e -> copy(
                                e,
                                "other",
                                e.aggregateType(),
                                e.eventId(),
                                e.sequence(),
                                e.type(),
                                e.recordedAt(),
                                e.payload(),
                                e.metadata())),
                change(
                        "aggregate type",
                        e -> copy(
                                e,
                                e.aggregateId(),
                                "Actor",
                                e.eventId(),
                                e.sequence(),
                                e.type(),
                                e.recordedAt(),
                                e.payload(),
                                e.metadata())),
                change(
                        "event id",
                        e -> copy(
                                e,
                                e.aggregateId(),
                                e.aggregateType(),
                                "x",
                                e.sequence(),
                                e.type(),
                                e.recordedAt(),
                                e.payload(),
                                e.metadata())),
                change(
                        "sequence",
                        e -> copy(
                                e,
                                e.aggregateId(),
                                e.aggregateType(),
                                e.eventId(),
                                2,
                                e.type(),
                                e.recordedAt(),
                                e.payload(),
                                e.metadata())),
                change(
                        "type",
                        e -> copy(
                                e,
                                e.aggregateId(),
                                e.aggregateType(),
                                e.eventId(),
                                e.sequence(),
                                "org.crisistimeline.IncidentVerified.v1",
                                e.recordedAt(),
                                e.payload(),
                                e.metadata())),
                change(
                        "recordedAt by a millisecond",
                        e -> copy(
                                e,
                                e.aggregateId(),
                                e.aggregateType(),
                                e.eventId(),
                                e.sequence(),
                                e.type(),
                                "2020-01-07T06:00:00.124Z",
                                e.payload(),
                                e.metadata())),
                change(
                        "a payload value",
                        e -> copy(
                                e,
                                e.aggregateId(),
                                e.aggregateType(),
                                e.eventId(),
                                e.sequence(),
                                e.type(),
                                e.recordedAt(),
                                json(
                                        "{\"incidentId\": \"soleimani-killed\", \"reason\": \"two cars\", \"changes\": {\"lat\": 33.2626}}"),
                                e.metadata())),
                change(
                        "a metadata value",
                        e -> copy(
                                e,
                                e.aggregateId(),
                                e.aggregateType(),
                                e.eventId(),
                                e.sequence(),
                                e.type(),
                                e.recordedAt(),
                                e.payload(),
                                json("{\"principal\": \"mallory\"}"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changingAnyPartOfTheEventChangesItsHash(String part, UnaryOperator<EventEnvelope> change) {
        assertThat(change.apply(amendment()).hash(EventEnvelope.GENESIS))
                .isNotEqualTo(amendment().hash(EventEnvelope.GENESIS));
    }

    @Test
    void aPayloadTypeIsNamedByItsCloudEventsType() {
        assertThat(EventEnvelope.typeOf(IncidentAmended.class.getName(), "1"))
                .isEqualTo("org.crisistimeline.IncidentAmended.v1");
        assertThat(EventEnvelope.typeOf("com.example.Unknown", null)).isEqualTo("com.example.Unknown");
    }

    @Test
    void anEventIsHashedUnderTheVersionItWasStoredInWhateverTheCurrentVersion() {
        assertThat(EventEnvelope.typeOf(IncidentAmended.class.getName(), null))
                .as("a row stored before revisions were recorded")
                .isEqualTo("org.crisistimeline.IncidentAmended.v1");
        assertThat(EventEnvelope.typeOf(IncidentAmended.class.getName(), "2"))
                .isEqualTo("org.crisistimeline.IncidentAmended.v2");
    }

    private static Arguments change(String part, UnaryOperator<EventEnvelope> change) {
        return Arguments.of(part, change);
    }

    @SuppressWarnings("unused")
    private static EventEnvelope copy(
            EventEnvelope original,
            String aggregateId,
            String aggregateType,
            String eventId,
            long sequence,
            String type,
            String recordedAt,
            JsonNode payload,
            JsonNode metadata) {
        return new EventEnvelope(aggregateId, aggregateType, eventId, sequence, type, recordedAt, payload, metadata);
    }

    static JsonNode json(String text) {
        return CanonicalJson.read(text.getBytes(UTF_8));
    }
}
