package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A signed statement of what the event store held at {@code createdAt}: the head (last sequence number and its hash) of
 * every aggregate. Verifying the store against it later finds what the hash chain alone cannot: an aggregate whose last
 * events, or all events, were deleted, and a chain rewritten consistently from some event on.
 *
 * <p>{@code root = hex(SHA-256(lines))}, one line {@code aggregateId:sequence:hash\n} per head (hash empty for an event
 * without one), sorted by aggregate id in UTF-8 byte order. The signature ({@code algorithm}, base64) is over the RFC
 * 8785 canonical JSON of the other scalar fields: {@code {aggregates, algorithm, breaks, createdAt, events, keyId,
 * root}}; the heads are bound to it through the root.
 *
 * @param breaks the breaks a walk of the store found when the checkpoint was taken (it signs the store as it was)
 * @param publicKey the signer's public key, X.509 DER in base64, for information: a verifier trusts the key it was
 *     configured with, never the one a checkpoint brings along
 */
public record Checkpoint(
        Instant createdAt,
        long aggregates,
        long events,
        long breaks,
        String root,
        String algorithm,
        String keyId,
        String publicKey,
        String signature,
        List<Head> heads) {

    /** The last event of an aggregate. */
    public record Head(String aggregateId, long sequence, String hash) {}

    static final String ALGORITHM = "Ed25519";

    /** A new checkpoint over {@code heads}, signed by {@code signer}. */
    static Checkpoint sign(Instant createdAt, long events, long breaks, List<Head> heads, CheckpointSigner signer) {
        List<Head> sorted = heads.stream().sorted(BY_AGGREGATE_ID_BYTES).toList();
        var unsigned = new Checkpoint(
                createdAt,
                sorted.size(),
                events,
                breaks,
                root(sorted),
                ALGORITHM,
                signer.keyId(),
                signer.publicKeyBase64(),
                null,
                sorted);
        return unsigned.withSignature(signer.sign(unsigned.signedContent()));
    }

    /**
     * Checks that this checkpoint was signed with {@code trustedKey} and that its heads are the ones signed.
     *
     * @throws NotAuthentic if not
     */
    void verify(PublicKey trustedKey) {
        if (createdAt == null || root == null || keyId == null) {
            throw new NotAuthentic("the checkpoint lacks createdAt, root or keyId");
        }
        if (!ALGORITHM.equals(algorithm)) {
            throw new NotAuthentic("the checkpoint is signed with " + algorithm + "; only " + ALGORITHM + " is known");
        }
        String trustedKeyId = CheckpointSigner.keyId(trustedKey);
        if (!trustedKeyId.equals(keyId)) {
            throw new NotAuthentic("the checkpoint names key " + keyId + "; the trusted key is " + trustedKeyId);
        }
        if (signature == null || !CheckpointSigner.verify(trustedKey, signedContent(), signature)) {
            throw new NotAuthentic("the checkpoint's signature does not verify with key " + trustedKeyId);
        }
        List<Head> listed = heads == null ? List.of() : heads;
        if (listed.size() != aggregates
                || !root.equals(
                        root(listed.stream().sorted(BY_AGGREGATE_ID_BYTES).toList()))) {
            throw new NotAuthentic("the checkpoint's heads are not the ones its root and signature cover");
        }
    }

    /** The heads by aggregate id, for {@link ChainWalk}. */
    Map<String, Head> headsByAggregate() {
        return heads.stream().collect(Collectors.toMap(Head::aggregateId, Function.identity(), (a, b) -> {
            throw new NotAuthentic("the checkpoint lists aggregate " + a.aggregateId() + " twice");
        }));
    }

    byte[] signedContent() {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("aggregates", aggregates);
        content.put("algorithm", algorithm);
        content.put("breaks", breaks);
        content.put("createdAt", createdAt == null ? null : createdAt.toString());
        content.put("events", events);
        content.put("keyId", keyId);
        content.put("root", root);
        return CanonicalJson.of(content);
    }

    static String root(List<Head> sortedHeads) {
        MessageDigest sha256 = EventEnvelope.sha256();
        for (Head head : sortedHeads) {
            sha256.update((head.aggregateId() + ":" + head.sequence() + ":" + Objects.toString(head.hash(), "") + "\n")
                    .getBytes(UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private Checkpoint withSignature(String signature) {
        return new Checkpoint(
                createdAt, aggregates, events, breaks, root, algorithm, keyId, publicKey, signature, heads);
    }

    private static final Comparator<Head> BY_AGGREGATE_ID_BYTES =
            Comparator.comparing(head -> head.aggregateId().getBytes(UTF_8), Arrays::compareUnsigned);

    /** A checkpoint that was not signed by the trusted key, or whose content differs from what was signed. */
    static class NotAuthentic extends RuntimeException {
        NotAuthentic(String message) {
            super(message);
        }
    }
}
