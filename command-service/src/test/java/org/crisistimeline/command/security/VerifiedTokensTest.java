package org.crisistimeline.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2020-01-08T12:00:00Z");

    private final MutableClock clock = new MutableClock();
    private final List<String> verifiedSignatures = new ArrayList<>();

    /** Stands for the RS256 decoder: "verifies" a token, then validates it like the real one. */
    private final JwtDecoder signatureChecking = token -> {
        verifiedSignatures.add(token);
        Jwt jwt = jwt(token);
        OAuth2TokenValidatorResult result = notExpired().validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("expired", result.getErrors());
        }
        return jwt;
    };

    private final VerifiedTokens tokens =
            new VerifiedTokens(signatureChecking, notExpired(), 2, Duration.ofMinutes(5), clock);

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        tokens.decode("alice");
        tokens.decode("alice");

        assertThat(verifiedSignatures).containsExactly("alice");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.decode("alice"); // expires at NOW + 10 min
        clock.now = NOW.plus(Duration.ofMinutes(4));
        tokens.decode("alice");
        clock.now = NOW.plus(Duration.ofMinutes(11));

        assertThatThrownBy(() -> tokens.decode("alice")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaximumAge() {
        tokens.decode("alice");
        clock.now = NOW.plus(Duration.ofMinutes(6));
        tokens.decode("alice");

        assertThat(verifiedSignatures).containsExactly("alice", "alice");
    }

    @Test
    void theLeastRecentlyUsedTokenIsForgottenBeyondTheCapacity() {
        tokens.decode("alice");
        tokens.decode("bob");
        tokens.decode("alice");
        tokens.decode("carol"); // bob goes
        tokens.decode("alice");
        tokens.decode("bob");

        assertThat(verifiedSignatures).containsExactly("alice", "bob", "carol", "bob");
    }

    @Test
    void aTokenThatFailsVerificationIsNotRemembered() {
        JwtDecoder refusing = token -> {
            verifiedSignatures.add(token);
            throw new JwtValidationException("bad signature", List.of(new OAuth2Error("invalid_token")));
        };
        var strict = new VerifiedTokens(refusing, notExpired(), 2, Duration.ofMinutes(5), clock);

        assertThatThrownBy(() -> strict.decode("mallory")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> strict.decode("mallory")).isInstanceOf(JwtValidationException.class);
        assertThat(verifiedSignatures).containsExactly("mallory", "mallory");
    }

    private static Jwt jwt(String subject) {
        return Jwt.withTokenValue(subject)
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(10)))
                .build();
    }

    private OAuth2TokenValidator<Jwt> notExpired() {
        return jwt -> clock.instant().isBefore(jwt.getExpiresAt())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));
    }

    private static class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
