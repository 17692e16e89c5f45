package org.crisistimeline.query.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a listing, checked: {@code q} (found in the name or another name, in any case), {@code limit}
 * (1 to 200, 50 by default) and {@code cursor} (the key after which the page starts).
 */
public record Listing(String search, int limit, String after) {

    private static final List<String> PARAMETERS = List.of("q", "limit", "cursor");

    /** @throws InvalidParameters naming every parameter at fault, unknown ones included */
    public static Listing parse(Map<String, List<String>> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        QueryParameters.refuseUnknown(parameters, PARAMETERS, errors);
        String search = QueryParameters.single("q", parameters, errors);
        int limit = QueryParameters.limit(50, 200, parameters, errors);
        String after = QueryParameters.single("cursor", parameters, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return new Listing(search == null || search.isBlank() ? null : search.strip(), limit, after);
    }

    /** An {@code ILIKE} pattern for the search, or null for everything. */
    public String pattern() {
        return search == null ? null : QueryParameters.containing(search);
    }
}
