package org.crisistimeline.query.system;

import java.util.Collection;

/** One path or query parameter at fault and why, listed under {@code errors} of a 400 Problem Details. */
public record InvalidParameter(String field, String message) {

    /** A parameter the resource does not take: refused rather than ignored, so a misspelt filter is noticed. */
    public static InvalidParameter unknown(String name, Collection<String> known) {
        return new InvalidParameter(
                name,
                known.isEmpty()
                        ? "unknown parameter; this resource takes none"
                        : "unknown parameter; known parameters: " + String.join(", ", known));
    }
}
