package org.crisistimeline.command.actor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.crisistimeline.command.system.AggregateWrites;
import org.crisistimeline.command.system.Receipt;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/actors")
class ActorController {

    private final AggregateWrites writes;

    ActorController(AggregateWrites writes) {
        this.writes = writes;
    }

    @PostMapping
    ResponseEntity<Receipt> create(@Valid @RequestBody RegisterActor body) {
        return writes.create("Actor", body.id(), body, RegisterActor.AGAIN, "/api/v1/timelines/actors/" + body.id());
    }

    record Title(
            @NotBlank @Size(max = 200) String title,
            @NotNull LocalDate from,
            LocalDate to) {}

    @PostMapping("/{id}/titles")
    Receipt assignTitle(@PathVariable String id, @Valid @RequestBody Title body) {
        return writes.change("Actor", id, new AssignActorTitle(id, body.title(), body.from(), body.to()), null);
    }

    record Alias(@NotBlank @Size(max = 200) String alias) {}

    @PostMapping("/{id}/aliases")
    Receipt addAlias(@PathVariable String id, @Valid @RequestBody Alias body) {
        return writes.change("Actor", id, new AddActorAlias(id, body.alias()), null);
    }
}
