package org.crisistimeline.query.incident;

import static org.crisistimeline.query.system.QueryParameters.refuseUnknown;
import static org.crisistimeline.query.system.QueryParameters.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.crisistimeline.query.system.NotFound;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IncidentQueries incidents;

    IncidentController(IncidentQueries incidents) {
        this.incidents = incidents;
    }

    /** The current version, or the one valid at {@code asOf}; with {@code knownAt}, only the sources published by then. */
    @GetMapping("/{incidentId}")
    IncidentView incident(@PathVariable String incidentId, @RequestParam MultiValueMap<String, String> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, List.of("asOf", "knownAt"), errors);
        Instant asOf = time("asOf", parameters, errors);
        Instant knownAt = time("knownAt", parameters, errors);
        refuseIfAny(errors);
        return incidents
                .find(incidentId, asOf, knownAt)
                .orElseThrow(() -> new NotFound(
                        asOf == null && knownAt == null
                                ? notKnown(incidentId)
                                : "No incident " + incidentId + " is known here"
                                        + (asOf == null ? "" : " as of " + asOf)
                                        + (knownAt == null ? "" : " with a source published by " + knownAt)));
    }

    @GetMapping("/{incidentId}/history")
    IncidentHistory history(@PathVariable String incidentId, @RequestParam MultiValueMap<String, String> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, List.of(), errors);
        refuseIfAny(errors);
        return incidents.history(incidentId).orElseThrow(() -> new NotFound(notKnown(incidentId)));
    }

    @GetMapping("/{incidentId}/links")
    IncidentLinks links(@PathVariable String incidentId, @RequestParam MultiValueMap<String, String> parameters) {
        var errors = new ArrayList<InvalidParameter>();
        refuseUnknown(parameters, List.of("asOf"), errors);
        Instant asOf = time("asOf", parameters, errors);
        refuseIfAny(errors);
        return incidents.links(incidentId, asOf).orElseThrow(() -> new NotFound(notKnown(incidentId)));
    }

    private static String notKnown(String incidentId) {
        return "No incident " + incidentId + " is known here: it was not recorded, or has not arrived yet";
    }

    private static void refuseIfAny(List<InvalidParameter> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidParameters(errors);
        }
    }
}
