package org.crisistimeline.command.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crisistimeline.command.system.AggregateWrites;
import org.crisistimeline.command.system.Receipt;
import org.crisistimeline.events.incident.IncidentChanges;
import org.crisistimeline.events.incident.LinkRelation;
import org.crisistimeline.events.incident.Source;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final AggregateWrites writes;

    IncidentController(AggregateWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<Receipt> record(@Valid @RequestBody RecordIncident body) {
        return writes.create("Incident", body.id(), body, RecordIncident.AGAIN, "/api/v1/incidents/" + body.id());
    }

    record Amendment(
            @NotNull @PositiveOrZero Long expectedVersion,
            @NotNull @Valid IncidentChanges changes,
            @NotBlank @Size(max = 2000) String reason) {}

    @PostMapping("/{id}/amendments")
    Receipt amend(@PathVariable String id, @Valid @RequestBody Amendment body) {
        return writes.change(
                "Incident",
                id,
                new AmendIncident(id, body.expectedVersion(), body.changes(), body.reason()),
                body.reason());
    }

    @PostMapping("/{id}/sources")
    Receipt attachSource(@PathVariable String id, @Valid @RequestBody Source body) {
        return writes.change("Incident", id, new AttachSource(id, body), null);
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {}

    @PostMapping("/{id}/dispute")
    Receipt dispute(@PathVariable String id, @Valid @RequestBody Reason body) {
        return writes.change(
                "Incident", id, new AssessIncident(id, AssessIncident.Verdict.DISPUTED, body.reason()), body.reason());
    }

    @PostMapping("/{id}/verify")
    Receipt verify(@PathVariable String id, @Valid @RequestBody Reason body) {
        return writes.change(
                "Incident", id, new AssessIncident(id, AssessIncident.Verdict.VERIFIED, body.reason()), body.reason());
    }

    record Retraction(
            @NotNull @PositiveOrZero Long expectedVersion,
            @NotBlank @Size(max = 2000) String reason) {}

    @PostMapping("/{id}/retraction")
    Receipt retract(@PathVariable String id, @Valid @RequestBody Retraction body) {
        return writes.change(
                "Incident", id, new RetractIncident(id, body.expectedVersion(), body.reason()), body.reason());
    }

    record Link(@NotBlank String targetId, @NotNull LinkRelation relation) {}

    @PostMapping("/{id}/links")
    Receipt link(@PathVariable String id, @Valid @RequestBody Link body) {
        return writes.change("Incident", id, new LinkIncident(id, body.targetId(), body.relation()), null);
    }
}
