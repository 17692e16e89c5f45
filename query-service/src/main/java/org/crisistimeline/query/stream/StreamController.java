package org.crisistimeline.query.stream;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * New events as the read model applies them, as Server-Sent Events, filtered by country, actor and type; the SSE
 * {@code id} is the event's position in the event log, and a client that reconnects with {@code Last-Event-ID} gets
 * what it missed first.
 */
@RestController
class StreamController {

    private final LiveStreams streams;

    StreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/v1/stream")
    SseEmitter stream(
            @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(name = StreamRequest.LAST_EVENT_ID, required = false) String lastEventId,
            HttpServletRequest request) {
        // behind a proxy the address is the client's only with server.forward-headers-strategy set
        String client = request.getUserPrincipal() != null
                ? "principal " + request.getUserPrincipal().getName()
                : "address " + request.getRemoteAddr();
        return streams.start(StreamRequest.parse(parameters, lastEventId), client);
    }
}
