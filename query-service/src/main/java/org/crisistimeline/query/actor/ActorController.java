package org.crisistimeline.query.actor;

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
@RequestMapping("/api/v1/actors")
class ActorController {

    private final ActorQueries actors;

    ActorController(ActorQueries actors) {
        this.actors = actors;
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
