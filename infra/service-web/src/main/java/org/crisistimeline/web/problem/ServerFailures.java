package org.crisistimeline.web.problem;

import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a request that failed on our side, alike in both services. Bad input never ends here. The database out
 * of reach (restarting, failing over) is answered 503 with Retry-After, since a retry soon may succeed; anything else
 * is our fault, 500, logged, and the client learns nothing of its insides. What counts as the database out of reach,
 * and what the client is told of it, is the service's.
 */
public final class ServerFailures {

    static final URI UNAVAILABLE = URI.create("urn:crisis-timeline:problem:unavailable");
    // what a client is told to wait while the database is out of reach: about as long as a PostgreSQL restart takes
    static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(5);

    private final Logger log;
    private final Predicate<Throwable> databaseOutage;
    private final String outageDetail;

    /**
     * @param owner the class whose logger reports the failures (the service's exception handler)
     * @param databaseOutage whether a failure means the database could not be reached
     * @param outageDetail the {@code detail} of the 503
     */
    public ServerFailures(Class<?> owner, Predicate<Throwable> databaseOutage, String outageDetail) {
        this.log = LoggerFactory.getLogger(owner);
        this.databaseOutage = databaseOutage;
        this.outageDetail = outageDetail;
    }

    public ResponseEntity<ProblemDetail> answer(Exception exception) {
        if (databaseOutage.test(exception)) {
            log.warn("Request refused, the database is out of reach: {}", exception.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, outageDetail);
            problem.setType(UNAVAILABLE);
            problem.setTitle("Unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_OUTAGE.toSeconds()))
                    .body(problem);
        }
        log.error("Request failed", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be answered; the error was logged");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }
}
