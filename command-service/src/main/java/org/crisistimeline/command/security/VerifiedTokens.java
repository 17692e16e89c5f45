package org.crisistimeline.command.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it verified lately, by their exact text. Checking an RS256 signature is an RSA operation that
 * cost a write request more CPU than anything else it did, and a client sends the same token with every request until
 * it expires. A remembered token is not trusted blindly: every request runs the time validator again (expiry,
 * not-before), so an expired token is refused on time; what depends on the very same bytes alone (signature, issuer,
 * audience, roles) is not checked again. Entries are forgotten after {@code maxAge} (as long as a key set is kept, so a withdrawn key is not
 * honoured longer than before) and the least recently used go first beyond {@code capacity}.
 */
final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, Instant at) {}

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Verified> verified;

    VerifiedTokens(
            JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity, Duration maxAge, Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null
                && known.at().plus(maxAge).isAfter(clock.instant())
                && !validator.validate(known.jwt()).hasErrors()) {
            return known.jwt();
        }
        // unknown, too old or no longer valid: the full check, which also gives the precise error
        Jwt jwt = verifier.decode(token);
        synchronized (verified) {
            verified.put(token, new Verified(jwt, clock.instant()));
        }
        return jwt;
    }
}
