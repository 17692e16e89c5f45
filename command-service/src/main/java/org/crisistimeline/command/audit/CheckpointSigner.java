package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The service key that signs checkpoints: Ed25519, from the JDK alone. The private key is a PKCS#8 PEM file ({@code
 * openssl genpkey -algorithm ed25519}); its public key is derived from it, so there is one file to provide.
 */
final class CheckpointSigner {

    private final KeyPair keys;
    private final String keyId;

    private CheckpointSigner(KeyPair keys) {
        this.keys = keys;
        this.keyId = keyId(keys.getPublic());
    }

    /** The key in a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}). */
    static CheckpointSigner fromPem(Path privateKeyPem) {
        try {
            byte[] der = pem(Files.readString(privateKeyPem, US_ASCII), "PRIVATE KEY");
            PrivateKey privateKey =
                    KeyFactory.getInstance(Checkpoint.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new CheckpointSigner(withPublicKey((EdECPrivateKey) privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit signing key " + privateKeyPem, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The audit signing key " + privateKeyPem + " is not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /** A key that lives as long as this process: checkpoints it signs cannot be verified after a restart. */
    static CheckpointSigner ephemeral() {
        try {
            return new CheckpointSigner(
                    KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    String keyId() {
        return keyId;
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    String sign(byte[] content) {
        try {
            Signature signature = Signature.getInstance(Checkpoint.ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(content);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign with the audit key", e);
        }
    }

    static boolean verify(PublicKey key, byte[] content, String base64Signature) {
        try {
            Signature signature = Signature.getInstance(Checkpoint.ALGORITHM);
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // not base64, wrong length, a key of another kind: not a valid signature either way
        }
    }

    /** The first 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
    static String keyId(PublicKey key) {
        return HexFormat.of()
                .formatHex(EventEnvelope.sha256().digest(key.getEncoded()))
                .substring(0, 16);
    }

    /** A public key in X.509 PEM ({@code -----BEGIN PUBLIC KEY-----}, from {@code openssl pkey -pubout}). */
    static PublicKey publicKeyFromPem(String pem) throws GeneralSecurityException {
        return publicKeyFromDer(pem(pem, "PUBLIC KEY"));
    }

    static PublicKey publicKeyFromBase64(String base64Der) throws GeneralSecurityException {
        return publicKeyFromDer(Base64.getDecoder().decode(base64Der));
    }

    private static PublicKey publicKeyFromDer(byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance(Checkpoint.ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    }

    static String publicKeyPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] pem(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + label + " block in the PEM text");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    /**
     * The key pair of an Ed25519 private key. The JDK has no call that derives the public key, but its key pair
     * generator derives it from 32 random bytes, which are the private key: fed the key's bytes as its randomness, it
     * returns this key's pair. The result is checked by a signature, so a JDK that generated keys otherwise would fail
     * here, at start-up, rather than sign with a mismatched key.
     */
    private static KeyPair withPublicKey(EdECPrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = privateKey
                .getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key's bytes are not accessible"));
        var generator = KeyPairGenerator.getInstance(Checkpoint.ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed.length) {
                    throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        });
        KeyPair derived = generator.generateKeyPair();
        KeyPair pair = new KeyPair(derived.getPublic(), privateKey);
        byte[] probe = "crisis-timeline audit key check".getBytes(US_ASCII);
        var check = new CheckpointSigner(pair);
        if (!verify(pair.getPublic(), probe, check.sign(probe))) {
            throw new GeneralSecurityException("could not derive the public key of the Ed25519 private key");
        }
        Arrays.fill(seed, (byte) 0);
        return pair;
    }
}
