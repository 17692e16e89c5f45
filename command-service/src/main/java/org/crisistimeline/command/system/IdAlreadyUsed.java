package org.crisistimeline.command.system;

/**
 * A client-chosen id was reused with a different body, or for another kind of aggregate. Answered with 409; a retry
 * with the very same body is not this, it is answered as the first request was.
 */
public class IdAlreadyUsed extends RuntimeException {

    public IdAlreadyUsed(String message) {
        super(message);
    }
}
