package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.crisistimeline.command.audit.Checkpoint.Head;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static final CheckpointSigner signer = CheckpointSigner.ephemeral();
    private static final List<Head> heads = List.of(
            new Head("incident-b", 3, "bb".repeat(32)),
            new Head("incident-a", 0, "aa".repeat(32)),
            new Head("actor-c", 7, null));

    private final Checkpoint checkpoint =
            Checkpoint.sign(Instant.parse("2020-01-08T12:00:00.123Z"), 11, 0, heads, signer);

    @Test
    void aCheckpointVerifiesWithTheKeyThatSignedIt() {
        assertThatCode(() -> checkpoint.verify(signer.publicKey())).doesNotThrowAnyException();
        assertThat(checkpoint.aggregates()).isEqualTo(3);
        assertThat(checkpoint.heads())
                .extracting(Head::aggregateId)
                .containsExactly("actor-c", "incident-a", "incident-b");
    }

    @Test
    void theRootIsSha256OverTheSortedHeadLines() {
        String lines = "actor-c:7:\nincident-a:0:" + "aa".repeat(32) + "\nincident-b:3:" + "bb".repeat(32) + "\n";

        assertThat(checkpoint.root())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(EventEnvelope.sha256().digest(lines.getBytes(US_ASCII))));
    }

    @Test
    void aForgedSignatureIsRefused() {
        byte[] signature = Base64.getDecoder().decode(checkpoint.signature());
        signature[10] ^= 1;
        Checkpoint forged = new Checkpoint(
                checkpoint.createdAt(),
                checkpoint.aggregates(),
                checkpoint.events(),
                checkpoint.breaks(),
                checkpoint.root(),
                checkpoint.algorithm(),
                checkpoint.keyId(),
                checkpoint.publicKey(),
                Base64.getEncoder().encodeToString(signature),
                checkpoint.heads());

        assertThatThrownBy(() -> forged.verify(signer.publicKey()))
                .isInstanceOf(Checkpoint.NotAuthentic.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aCheckpointWhoseHeadsWereEditedAfterSigningIsRefused() {
        List<Head> fewer = checkpoint.heads().subList(0, 2);
        Checkpoint edited = new Checkpoint(
                checkpoint.createdAt(),
                2,
                checkpoint.events(),
                checkpoint.breaks(),
                Checkpoint.root(fewer),
                checkpoint.algorithm(),
                checkpoint.keyId(),
                checkpoint.publicKey(),
                checkpoint.signature(),
                fewer);

        assertThatThrownBy(() -> edited.verify(signer.publicKey())).isInstanceOf(Checkpoint.NotAuthentic.class);

        Checkpoint sameRootOtherHeads = new Checkpoint(
                checkpoint.createdAt(),
                3,
                checkpoint.events(),
                checkpoint.breaks(),
                checkpoint.root(),
                checkpoint.algorithm(),
                checkpoint.keyId(),
                checkpoint.publicKey(),
                checkpoint.signature(),
                List.of(new Head("actor-c", 6, null), heads.get(0), heads.get(1)));
        assertThatThrownBy(() -> sameRootOtherHeads.verify(signer.publicKey()))
                .isInstanceOf(Checkpoint.NotAuthentic.class)
                .hasMessageContaining("heads");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefusedEvenIfItsOwnSignatureIsValid() {
        Checkpoint foreign = Checkpoint.sign(checkpoint.createdAt(), 11, 0, heads, CheckpointSigner.ephemeral());

        assertThatThrownBy(() -> foreign.verify(signer.publicKey()))
                .isInstanceOf(Checkpoint.NotAuthentic.class)
                .hasMessageContaining("key");
    }

    @Test
    void theSigningKeyIsReadFromPkcs8PemAndItsPublicKeyDerived(@TempDir Path directory) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pem = directory.resolve("audit-signing-key.pem");
        Files.writeString(
                pem,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");

        CheckpointSigner fromFile = CheckpointSigner.fromPem(pem);

        assertThat(fromFile.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        Checkpoint signed = Checkpoint.sign(Instant.now(), 0, 0, List.of(), fromFile);
        assertThatCode(() -> signed.verify(pair.getPublic())).doesNotThrowAnyException();
        assertThat(CheckpointSigner.publicKeyFromPem(CheckpointSigner.publicKeyPem(pair.getPublic()))
                        .getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
    }
}
