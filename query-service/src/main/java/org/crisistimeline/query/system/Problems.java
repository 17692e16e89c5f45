package org.crisistimeline.query.system;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 Problem Details. Spring MVC's own exceptions (unknown path, wrong method, ...) are handled by
 * the base class; a refused query lists each parameter at fault under {@code errors}.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("urn:crisis-timeline:problem:invalid-request");
    static final URI NOT_FOUND = URI.create("urn:crisis-timeline:problem:not-found");
    static final URI BUSY = URI.create("urn:crisis-timeline:problem:busy");

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameters(InvalidParameters invalid) {
        int count = invalid.errors().size();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, count == 1 ? "1 parameter is invalid" : count + " parameters are invalid");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", invalid.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFound notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(Busy busy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, busy.getMessage());
        problem.setType(BUSY);
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter().toSeconds()))
                .body(problem);
    }

    /** Bad input never ends here; whatever does is our fault, and the client learns nothing of its insides. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Request failed", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be answered; the error was logged");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }
}
