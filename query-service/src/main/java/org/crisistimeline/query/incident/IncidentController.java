package org.crisistimeline.query.incident;

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

    @GetMapping("/{incidentId}")
    IncidentView incident(@PathVariable String incidentId, @RequestParam MultiValueMap<String, String> parameters) {
        if (!parameters.isEmpty()) {
            throw new InvalidParameters(parameters.keySet().stream()
                    .sorted()
                    .map(name -> InvalidParameter.unknown(name, List.of()))
                    .toList());
        }
        return incidents
                .find(incidentId)
                .orElseThrow(() -> new NotFound(
                        "No incident " + incidentId + " is known here: it was not recorded, or has not arrived yet"));
    }
}
