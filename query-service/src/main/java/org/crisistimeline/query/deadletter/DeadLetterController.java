package org.crisistimeline.query.deadletter;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crisistimeline.events.CloudEventHeaders;
import org.crisistimeline.query.projection.DeadLetter;
import org.crisistimeline.query.projection.DeadLetterRetry;
import org.crisistimeline.query.projection.DeadLetters;
import org.crisistimeline.query.projection.HeldRecord;
import org.crisistimeline.query.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records of the event topic that could not be applied, and their retry once the cause is fixed. Not protected
 * yet: issue 5 puts it behind the admin role.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    static final URI RETRY_FAILED = URI.create("urn:crisis-timeline:problem:dead-letter-retry-failed");

    private final DeadLetters deadLetters;
    private final DeadLetterRetry retry;

    DeadLetterController(DeadLetters deadLetters, DeadLetterRetry retry) {
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    /** The open dead letters, oldest first. */
    @GetMapping
    Map<String, List<View>> open() {
        return Map.of("items", deadLetters.open().stream().map(View::of).toList());
    }

    @GetMapping("/{id}")
    View one(@PathVariable long id) {
        return deadLetters.find(id).map(View::of).orElseThrow(() -> notFound(id));
    }

    /**
     * Applies the dead letter again and then the events of its aggregate that waited behind it, in order. Answers
     * 200 with what was applied, or 409 when the dead letter fails again (it stays open, with the new error).
     */
    @PostMapping("/{id}/retry")
    Retried retry(@PathVariable long id) {
        DeadLetterRetry.Outcome outcome = retry.retry(id).orElseThrow(() -> notFound(id));
        if (!outcome.resolved()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "Dead letter " + id + " failed again; it stays open and its events wait");
            problem.setType(RETRY_FAILED);
            problem.setTitle("Retry failed");
            problem.setProperty("error", outcome.error());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return new Retried(id, outcome.wasResolvedBefore(), outcome.parkedApplied(), outcome.nextDeadLetter());
    }

    private static NotFound notFound(long id) {
        return new NotFound("No dead letter " + id);
    }

    /**
     * @param alreadyResolved true when an earlier retry had applied it: nothing was done now
     * @param parkedApplied the events of the aggregate that waited behind it and are applied now
     * @param nextDeadLetter a waiting event that failed in turn: the rest of the aggregate's events wait behind it
     */
    record Retried(long id, boolean alreadyResolved, int parkedApplied, Long nextDeadLetter) {}

    /**
     * A dead letter as an operator needs it: which event (its CloudEvents attributes), where it lay, why it failed,
     * and how many events of its aggregate wait behind it. The value is shown as text (the event JSON, if it is JSON).
     */
    record View(
            long id,
            String aggregateId,
            String cloudEventType,
            String cloudEventId,
            String sequence,
            String topic,
            int partition,
            long offset,
            String error,
            int attempts,
            Instant failedAt,
            Instant lastFailedAt,
            Instant resolvedAt,
            int parked,
            List<HeldRecord.Header> headers,
            String value) {

        static View of(DeadLetter deadLetter) {
            HeldRecord record = deadLetter.record();
            return new View(
                    deadLetter.id(),
                    deadLetter.aggregateId(),
                    record.header(CloudEventHeaders.TYPE).orElse(null),
                    record.header(CloudEventHeaders.ID).orElse(null),
                    record.header(CloudEventHeaders.SEQUENCE).orElse(null),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    deadLetter.error(),
                    deadLetter.attempts(),
                    deadLetter.failedAt(),
                    deadLetter.lastFailedAt(),
                    deadLetter.resolvedAt(),
                    deadLetter.parked(),
                    record.headers(),
                    record.value() == null
                            ? null
                            : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
