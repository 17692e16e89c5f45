package org.crisistimeline.query.system;

/** The item asked for is not in the read model (not recorded, or its event has not arrived yet); answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
