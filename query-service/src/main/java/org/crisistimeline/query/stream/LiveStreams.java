package org.crisistimeline.query.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.crisistimeline.query.actor.ActorQueries;
import org.crisistimeline.query.crisis.CrisisQueries;
import org.crisistimeline.query.incident.IncidentQueries;
import org.crisistimeline.query.system.SseWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sends live streams, each on a thread of its own from a bounded set. A stream follows the event log from where it
 * starts (the head, or the client's Last-Event-ID): it reads what matches up to the head, then waits for the head to
 * move, sending a heartbeat comment when nothing came for a while, which is also how it notices a client that left.
 */
@Component
@EnableConfigurationProperties(StreamSettings.class)
class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final int CHUNK = 100;

    private final EventLogQueries eventLog;
    private final EventLogTail tail;
    private final IncidentQueries incidents;
    private final ActorQueries actors;
    private final CrisisQueries crises;
    private final SseWorkers workers;
    private final Duration heartbeat;
    private final Duration timeout;

    LiveStreams(
            EventLogQueries eventLog,
            EventLogTail tail,
            IncidentQueries incidents,
            ActorQueries actors,
            CrisisQueries crises,
            StreamSettings settings) {
        this.eventLog = eventLog;
        this.tail = tail;
        this.incidents = incidents;
        this.actors = actors;
        this.crises = crises;
        this.workers = new SseWorkers("stream", settings.maxConcurrent(), settings.maxPerClient());
        this.heartbeat = settings.heartbeat();
        this.timeout = settings.timeout();
    }

    /** @param client who asks: a principal, else an address; it may hold a few streams, not all */
    SseEmitter start(StreamRequest request, String client) {
        var emitter = new SseEmitter(timeout.toMillis());
        // read here, not on the stream's thread: events applied once the client is answered are its to see
        long start = request.after() != null ? request.after() : eventLog.head();
        workers.start(client, emitter, open -> send(request, start, emitter, open));
        return emitter;
    }

    private void send(StreamRequest request, long start, SseEmitter emitter, BooleanSupplier open) {
        long seen = start;
        try {
            // sends the headers now: a client knows the stream is open before the first event or heartbeat
            emitter.send(SseEmitter.event().comment("open"));
            while (open.getAsBoolean()) {
                long head = eventLog.head();
                List<LoggedEvent> events = eventLog.between(request, seen, head, CHUNK);
                for (LoggedEvent event : events) {
                    Optional<?> data = data(event);
                    if (data.isPresent()) {
                        emitter.send(SseEmitter.event()
                                .id(Long.toString(event.position()))
                                .name(event.name())
                                .data(data.get(), MediaType.APPLICATION_JSON));
                    }
                    seen = event.position();
                }
                if (events.size() == CHUNK) {
                    continue;
                }
                // nothing else up to the head matches
                seen = Math.max(seen, head);
                if (!tail.awaitAfter(seen, heartbeat)) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                }
            }
        } catch (IOException e) {
            // the client went away; it may come back with Last-Event-ID
            log.debug("Stream ended by the client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.error("Stream failed", e);
            emitter.completeWithError(e);
        }
    }

    /** What the event made: the incident at the version it made, the actor or the crisis as they stand. */
    private Optional<?> data(LoggedEvent event) {
        return switch (event.type()) {
            case CRISIS_OPENED -> crises.find(event.aggregateId());
            case ACTOR_REGISTERED, ACTOR_TITLE_ASSIGNED, ACTOR_ALIAS_ADDED -> actors.find(event.aggregateId());
            default -> incidents.at(event.aggregateId(), Math.toIntExact(event.sequence() + 1));
        };
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        workers.close();
    }
}
