package org.crisistimeline.command.system;

import java.util.List;

/** A command broke one or more domain rules; nothing was stored. Answered with 400 and the list of fields. */
public class RuleViolation extends RuntimeException {

    private final List<InvalidField> fields;

    public RuleViolation(List<InvalidField> fields) {
        super(fields.toString());
        this.fields = List.copyOf(fields);
    }

    public List<InvalidField> fields() {
        return fields;
    }
}
