package org.crisistimeline.query.system;

import java.net.URI;
import java.util.List;
import org.crisistimeline.web.problem.ServerFailures;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
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

    // a URL of thousands of bad values would otherwise be answered with a listing a hundred times its size
    static final int MAX_LISTED_ERRORS = 20;

    private final ServerFailures failures =
            new ServerFailures(Problems.class, Problems::databaseOutage, "The read model is out of reach; retry later");

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameters(InvalidParameters invalid) {
        List<InvalidParameter> errors = invalid.errors();
        int count = errors.size();
        String detail = count == 1 ? "1 parameter is invalid" : count + " parameters are invalid";
        if (count > MAX_LISTED_ERRORS) {
            detail += "; the first " + MAX_LISTED_ERRORS + " are listed";
            errors = errors.subList(0, MAX_LISTED_ERRORS);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
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
        // 429 when it is this client's share that is used up, 503 when it is the service's
        HttpStatus status =
                busy instanceof TooManyFromOneClient ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, busy.getMessage());
        problem.setType(BUSY);
        problem.setTitle("Busy");
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter().toSeconds()))
                .body(problem);
    }

    /** The read model out of reach is a 503 with Retry-After: a retry soon may succeed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        return failures.answer(exception);
    }

    private static boolean databaseOutage(Throwable exception) {
        return exception instanceof DataAccessResourceFailureException
                || exception instanceof TransientDataAccessResourceException
                || exception instanceof CannotCreateTransactionException
                // the commit or rollback of a read failed: the server went away under the transaction
                || exception instanceof TransactionSystemException;
    }
}
