package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import org.crisistimeline.events.EventType;

/**
 * One stored event as its hash sees it: every column of its row in {@code domain_event_entry} except the storage
 * position ({@code global_index}), with payload and metadata as JSON values.
 *
 * <p>{@code hash = hex(SHA-256(previousHash ‖ JCS(envelope)))}, where {@code previousHash} is the 64 hex characters of
 * the hash of the aggregate's previous event (64 zeros for its first) in ASCII, and {@code JCS(envelope)} the
 * canonical UTF-8 bytes of this JSON object (see {@link CanonicalJson}):
 *
 * <pre>{@code
 * {"aggregateId": ..., "aggregateType": "Incident", "eventId": ..., "sequence": 3,
 *  "type": "org.crisistimeline.IncidentAmended.v1", "recordedAt": "2020-01-07T06:00:00.123Z",
 *  "payload": {...}, "metadata": {... without hash and previousHash}}
 * }</pre>
 *
 * @param type the CloudEvents type of the payload ({@link EventType#cloudEventType()}), or the stored payload type for a
 *     payload that has none
 * @param recordedAt the event's timestamp exactly as the event store holds it (Axon's ISO-8601 with milliseconds)
 * @param metadata the event's metadata; the two entries of the chain itself are left out whether present or not
 */
record EventEnvelope(
        String aggregateId,
        String aggregateType,
        String eventId,
        long sequence,
        String type,
        String recordedAt,
        JsonNode payload,
        JsonNode metadata) {

    /** metadata key of the event's own hash */
    static final String HASH = "hash";
    /** metadata key of the hash of the aggregate's previous event, or {@link #GENESIS} */
    static final String PREVIOUS_HASH = "previousHash";
    /** the "previous hash" of an aggregate's first event */
    static final String GENESIS = "0".repeat(64);

    private static final Set<String> CHAIN_ENTRIES = Set.of(HASH, PREVIOUS_HASH);

    /**
     * The CloudEvents type of a stored payload type (a class name) in the version it was stored in (its revision; none
     * is version 1), or the class name if it has none. The stored version, not today's: an event hashed as
     * {@code IncidentAmended.v1} keeps that hash after the type's version is raised.
     */
    static String typeOf(String payloadType, String revision) {
        return Arrays.stream(EventType.values())
                .filter(type -> type.payloadType().getName().equals(payloadType))
                .findFirst()
                .map(type -> "org.crisistimeline." + type.payloadType().getSimpleName() + ".v"
                        + (revision == null ? "1" : revision))
                .orElse(payloadType);
    }

    JsonNode toJson() {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("aggregateId", aggregateId);
        envelope.put("aggregateType", aggregateType);
        envelope.put("eventId", eventId);
        envelope.put("sequence", sequence);
        envelope.put("type", type);
        envelope.put("recordedAt", recordedAt);
        envelope.set("payload", payload);
        envelope.set("metadata", withoutChainEntries(metadata));
        return envelope;
    }

    /** The hash of this event chained to {@code previousHash}. */
    String hash(String previousHash) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(UTF_8));
        sha256.update(CanonicalJson.of(toJson()));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static JsonNode withoutChainEntries(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!metadata.isObject()) {
            return metadata;
        }
        ObjectNode copy = ((ObjectNode) metadata).deepCopy();
        copy.remove(CHAIN_ENTRIES);
        return copy;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
