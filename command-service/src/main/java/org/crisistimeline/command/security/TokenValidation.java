package org.crisistimeline.command.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tokens are checked for signature, expiry (which every token must have), issuer, audience and the shape of their
 * roles. Production points {@code JWT_JWK_SET_URI} at its
 * identity provider's keys; the local stack signs with a key pair of its own and gives the public key as a PEM file
 * ({@code JWT_PUBLIC_KEY}). Only RS256 signatures are accepted, so {@code alg: none} and HMAC tricks fail. Tokens
 * verified lately are remembered ({@link VerifiedTokens}), still validated on every request.
 */
@Configuration
class TokenValidation {

    @Bean
    JwtDecoder jwtDecoder(
            @Value("${crisis-timeline.security.jwk-set-uri}") String jwkSetUri,
            @Value("${crisis-timeline.security.public-key}") String publicKeyFile,
            @Value("${crisis-timeline.security.issuer}") String issuer,
            @Value("${crisis-timeline.security.audience}") String audience) {
        NimbusJwtDecoder decoder;
        if (!jwkSetUri.isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else if (!publicKeyFile.isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(Path.of(publicKeyFile)))
                    .build();
        } else {
            throw new IllegalStateException("No way to check tokens: set JWT_JWK_SET_URI to the identity provider's key"
                    + " set, or JWT_PUBLIC_KEY to a PEM public key file (infra/local/start.sh makes one)");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                // Spring checks exp only when present: a token without one would never expire
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<java.util.List<String>>("aud", aud -> aud != null && aud.contains(audience)),
                Roles.wellFormedClaim());
        decoder.setJwtValidator(validator);
        // 5 minutes: how long Spring's decoder keeps a fetched key set
        return new VerifiedTokens(decoder, validator, 4096, Duration.ofMinutes(5), Clock.systemUTC());
    }

    static RSAPublicKey readPublicKey(Path pem) {
        try {
            String base64 = Files.readString(pem)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the RSA public key in " + pem, e);
        }
    }
}
