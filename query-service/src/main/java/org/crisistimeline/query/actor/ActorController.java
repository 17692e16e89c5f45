package org.crisistimeline.query.actor;

import java.util.List;
import org.crisistimeline.query.system.InvalidParameter;
import org.crisistimeline.query.system.InvalidParameters;
import org.crisistimeline.query.system.Listing;
import org.crisistimeline.query.system.NotFound;
import org.crisistimeline.query.system.Page;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/actors")
class ActorController {

    private final ActorQueries actors;

    ActorController(ActorQueries actors) {
        this.actors = actors;
    }

    /** Every actor in id order, or those whose name or another name contains {@code q}. */
    @GetMapping
    Page<ActorSummary> actors(@RequestParam MultiValueMap<String, String> parameters) {
        return actors.list(Listing.parse(parameters));
    }

    @GetMapping("/{actorId}")
    ActorView actor(@PathVariable String actorId, @RequestParam MultiValueMap<String, String> parameters) {
        if (!parameters.isEmpty()) {
            throw new InvalidParameters(parameters.keySet().stream()
                    .sorted()
                    .map(name -> InvalidParameter.unknown(name, List.of()))
                    .toList());
        }
        return actors.find(actorId)
                .orElseThrow(() -> new NotFound(
                        "No actor " + actorId + " is known here: it was not registered, or has not arrived yet"));
    }
}
