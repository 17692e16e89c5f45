package org.crisistimeline.query.system;

import java.util.List;

/** A query refused before it ran, answered with 400 and every parameter at fault. */
public class InvalidParameters extends RuntimeException {

    private final List<InvalidParameter> errors;

    public InvalidParameters(List<InvalidParameter> errors) {
        super(errors.toString());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one parameter");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidParameters(String field, String message) {
        this(List.of(new InvalidParameter(field, message)));
    }

    public List<InvalidParameter> errors() {
        return errors;
    }
}
