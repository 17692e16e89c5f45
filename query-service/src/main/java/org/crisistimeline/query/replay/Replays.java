package org.crisistimeline.query.replay;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.crisistimeline.query.incident.IncidentQueries;
import org.crisistimeline.query.incident.IncidentVersionId;
import org.crisistimeline.query.incident.IncidentView;
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
 * Sends replays, each on a thread of its own from a bounded set: the events are read a chunk at a time and sent with
 * the gaps between them scaled by the speed, no single wait longer than the configured maximum (a year without news
 * must not hang the replay).
 */
@Component
@EnableConfigurationProperties(ReplaySettings.class)
class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int CHUNK = 100;

    private final ReplayQueries replays;
    private final IncidentQueries incidents;
    private final SseWorkers workers;
    private final Duration maxWait;
    private final Duration timeout;

    Replays(ReplayQueries replays, IncidentQueries incidents, ReplaySettings settings) {
        this.replays = replays;
        this.incidents = incidents;
        this.workers = new SseWorkers("replay", settings.maxConcurrent());
        this.maxWait = settings.maxWait();
        this.timeout = settings.timeout();
    }

    SseEmitter start(ReplayRequest request) {
        var emitter = new SseEmitter(timeout.toMillis());
        workers.start(emitter, open -> send(request, emitter, open));
        return emitter;
    }

    private void send(ReplayRequest request, SseEmitter emitter, BooleanSupplier open) {
        try {
            ReplayPosition after = request.after();
            Instant previous = after == null ? null : after.newsAt();
            List<ReplayEvent> chunk;
            do {
                chunk = replays.after(request.crisisId(), after, CHUNK);
                Map<IncidentVersionId, IncidentView> views = new HashMap<>();
                incidents
                        .views(chunk.stream().map(ReplayEvent::version).toList(), null)
                        .forEach(view -> views.put(new IncidentVersionId(view.incidentId(), view.version()), view));
                for (ReplayEvent event : chunk) {
                    Instant newsAt = event.position().newsAt();
                    if (previous != null) {
                        Duration wait = request.wait(Duration.between(previous, newsAt), maxWait);
                        if (!wait.isZero()) {
                            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
                        }
                    }
                    emitter.send(SseEmitter.event()
                            .id(event.position().encode())
                            .name(event.name())
                            .data(views.get(event.version()), MediaType.APPLICATION_JSON));
                    previous = newsAt;
                    after = event.position();
                }
            } while (chunk.size() == CHUNK && open.getAsBoolean());
            emitter.complete();
        } catch (IOException e) {
            // the client went away; it may resume with Last-Event-ID
            log.debug("Replay of {} ended by the client", request.crisisId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.error("Replay of {} failed", request.crisisId(), e);
            emitter.completeWithError(e);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        workers.close();
    }
}
