package org.crisistimeline.command.actor;

import jakarta.validation.Valid;
import org.crisistimeline.command.system.IdempotentCreation;
import org.crisistimeline.command.system.IdempotentCreation.Created;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/actors")
class ActorController {

    private final IdempotentCreation creation;

    ActorController(IdempotentCreation creation) {
        this.creation = creation;
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody RegisterActor body) {
        return creation.create("Actor", body.id(), body, "/api/v1/timelines/actors/" + body.id());
    }
}
