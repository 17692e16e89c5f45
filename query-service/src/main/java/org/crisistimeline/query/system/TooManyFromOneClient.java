package org.crisistimeline.query.system;

import java.time.Duration;

/** One client holds its share of a kind of long-lived request already; answered with 429 and a Retry-After. */
public class TooManyFromOneClient extends Busy {

    public TooManyFromOneClient(String message, Duration retryAfter) {
        super(message, retryAfter);
    }
}
