package org.crisistimeline.command.system;

/** Client-chosen ids: a slug such as {@code soleimani-killed-baghdad-airport} or a UUID. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
    public static final String MESSAGE = "must be a slug or UUID: letters, digits, '-' and '_', at most 100 characters";

    private Ids() {}
}
