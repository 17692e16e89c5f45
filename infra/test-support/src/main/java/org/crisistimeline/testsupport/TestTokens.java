package org.crisistimeline.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Bearer tokens for the tests, signed like the local stack's: RS256, issuer {@value #ISSUER}, audience {@value
 * #AUDIENCE}, roles in the {@code roles} claim. The key pair is made once per test JVM; the services read its public
 * half from {@link #publicKeyFile()}.
 */
public final class TestTokens {

    public static final String ISSUER = "crisis-timeline-local";
    public static final String AUDIENCE = "crisis-timeline";

    private static final KeyPair keys = newKeyPair();
    private static Path publicKeyFile;

    private TestTokens() {}

    /** A valid token for an hour. */
    public static String token(String subject, String... roles) {
        return signed(claims(subject, roles).build(), keys.getPrivate());
    }

    /** A token whose claims are changed from a valid one's, e.g. expired or for another audience. */
    public static String token(String subject, List<String> roles, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(
                change.apply(claims(subject, roles.toArray(String[]::new))).build(), keys.getPrivate());
    }

    /** A valid-looking token signed by a key the services do not know. */
    public static String forged(String subject, String... roles) {
        return signed(claims(subject, roles).build(), newKeyPair().getPrivate());
    }

    /** {@code alg: none}: claims without a signature. */
    public static String unsigned(String subject, String... roles) {
        return new PlainJWT(new PlainHeader(), claims(subject, roles).build()).serialize();
    }

    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("crisis-timeline-test-key", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(
                        publicKeyFile,
                        "-----BEGIN PUBLIC KEY-----\n"
                                + Base64.getMimeEncoder()
                                        .encodeToString(keys.getPublic().getEncoded())
                                + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    private static JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", List.of(roles));
    }

    private static String signed(JWTClaimsSet claims, PrivateKey key) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
