package org.crisistimeline.command.incident;

import jakarta.validation.Valid;
import org.crisistimeline.command.system.IdempotentCreation;
import org.crisistimeline.command.system.IdempotentCreation.Created;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IdempotentCreation creation;

    IncidentController(IdempotentCreation creation) {
        this.creation = creation;
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody RecordIncident body) {
        return creation.create("Incident", body.id(), body, "/api/v1/incidents/" + body.id());
    }
}
