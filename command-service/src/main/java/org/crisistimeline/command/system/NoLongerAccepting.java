package org.crisistimeline.command.system;

/** The aggregate is in a state that accepts no further change, e.g. a retracted incident; answered with 409. */
public class NoLongerAccepting extends RuntimeException {

    public NoLongerAccepting(String message) {
        super(message);
    }
}
