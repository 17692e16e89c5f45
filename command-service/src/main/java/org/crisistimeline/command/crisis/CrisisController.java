package org.crisistimeline.command.crisis;

import jakarta.validation.Valid;
import org.crisistimeline.command.system.AggregateWrites;
import org.crisistimeline.command.system.Receipt;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/crises")
class CrisisController {

    private final AggregateWrites writes;

    CrisisController(AggregateWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<Receipt> create(@Valid @RequestBody OpenCrisis body) {
        return writes.create("Crisis", body.id(), body, OpenCrisis.AGAIN, "/api/v1/timelines/crises/" + body.id());
    }
}
