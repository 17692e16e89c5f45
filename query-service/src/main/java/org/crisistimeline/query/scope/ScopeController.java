package org.crisistimeline.query.scope;

import static org.crisistimeline.query.system.QueryParameters.refuseUnknown;
import static org.crisistimeline.query.system.QueryParameters.single;

import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a timeline can be of, found by name: the page's search box. */
@RestController
class ScopeController {

    private final ScopeQueries scopes;

    ScopeController(ScopeQueries scopes) {
        this.scopes = scopes;
    }

    /** {@code q}: text in a crisis's or actor's name, id or alias, or a country code; empty or absent for the first. */
    @GetMapping("/api/v1/scopes")
    List<Scope> search(@RequestParam MultiValueMap<String, String> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, List.of("q"), errors);
        String text = single("q", parameters, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
        return scopes.search(text == null ? "" : text.strip());
    }
}
