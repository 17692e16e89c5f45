package org.crisistimeline.query.system;

import java.time.Duration;

/** Every slot for a kind of long-lived request is taken; answered with 503 and a Retry-After. */
public class Busy extends RuntimeException {

    private final Duration retryAfter;

    public Busy(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
