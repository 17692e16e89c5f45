package org.crisistimeline.query.replay;

import org.crisistimeline.query.system.NotFound;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A crisis as the news broke, as Server-Sent Events: each incident as first reported, at its reportedAt, then each
 * correction at the time it was recorded. Parameters are checked before the stream opens, so a bad one is a 400
 * Problem Details, not a broken stream.
 */
@RestController
class ReplayController {

    private final Replays replays;
    private final ReplayQueries queries;

    ReplayController(Replays replays, ReplayQueries queries) {
        this.replays = replays;
        this.queries = queries;
    }

    @GetMapping("/api/v1/replay")
    SseEmitter replay(
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(name = ReplayRequest.LAST_EVENT_ID, required = false) String lastEventId) {
        ReplayRequest request = ReplayRequest.parse(parameters, lastEventId);
        if (!queries.known(request.crisisId())) {
            throw new NotFound("No crisis " + request.crisisId() + " is known here: it was not opened, or has not"
                    + " arrived yet");
        }
        return replays.start(request);
    }
}
