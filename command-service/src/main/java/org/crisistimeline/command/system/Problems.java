package org.crisistimeline.command.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.crisistimeline.events.incident.details.IncidentDetails;
import org.crisistimeline.web.problem.ServerFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 Problem Details. Invalid requests list each field at fault under {@code errors}, with its
 * JSON path, so a client can show the error beside the input that caused it.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    static final URI INVALID_REQUEST = URI.create("urn:crisis-timeline:problem:invalid-request");
    static final URI ID_CONFLICT = URI.create("urn:crisis-timeline:problem:id-conflict");
    static final URI CONCURRENT_CHANGE = URI.create("urn:crisis-timeline:problem:concurrent-change");
    static final URI STALE_VERSION = URI.create("urn:crisis-timeline:problem:stale-version");
    static final URI NO_LONGER_ACCEPTING = URI.create("urn:crisis-timeline:problem:no-longer-accepting");
    static final URI NOT_FOUND = URI.create("urn:crisis-timeline:problem:not-found");
    static final URI PAYLOAD_TOO_LARGE = URI.create("urn:crisis-timeline:problem:payload-too-large");

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final ServerFailures failures = new ServerFailures(
            Problems.class,
            DatabaseOutage::causes,
            // not "nothing was stored": a write cut at its commit may be stored all the same, and no one can tell
            "The event store is out of reach and the change was not acknowledged; retry it later");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> fields = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(InvalidField::field))
                .toList();
        return ResponseEntity.badRequest().body(invalidRequest(fields));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestLimits.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(payloadTooLarge(tooLarge.maxBytes));
            }
        }
        return ResponseEntity.badRequest().body(invalidRequest(List.of(unreadable(exception.getCause()))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        return ResponseEntity.badRequest().body(invalidRequest(violation.fields()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> idAlreadyUsed(IdAlreadyUsed conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setType(ID_CONFLICT);
        problem.setTitle("Id already used");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Another change to the same item was stored first; read it again and retry");
        problem.setType(CONCURRENT_CHANGE);
        problem.setTitle("Concurrent change");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(StaleVersion stale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, stale.getMessage());
        problem.setType(STALE_VERSION);
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", stale.currentVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> noLongerAccepting(NoLongerAccepting refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setType(NO_LONGER_ACCEPTING);
        problem.setTitle("No longer accepting changes");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException missing) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                "Nothing is recorded under the id '%s'".formatted(missing.getAggregateIdentifier()));
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** The event store out of reach is a 503 with Retry-After: not acknowledged, and a retry soon may succeed. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        return failures.answer(exception);
    }

    static ProblemDetail payloadTooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "The body is larger than %d bytes; nothing was stored".formatted(maxBytes));
        problem.setType(PAYLOAD_TOO_LARGE);
        problem.setTitle("Payload too large");
        return problem;
    }

    static ProblemDetail invalidRequest(List<InvalidField> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                fields.size() == 1
                        ? "1 field is invalid; nothing was stored"
                        : fields.size() + " fields are invalid; nothing was stored");
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", fields);
        return problem;
    }

    /** Jackson stops at the first error it meets, so an unreadable body names one field. */
    private static InvalidField unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new InvalidField(path(unknown), "unknown field; known fields: " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof IgnoredPropertyException ignored) {
            return new InvalidField(path(ignored), "field not allowed");
        }
        if (cause instanceof InvalidTypeIdException typeId) {
            return new InvalidField("type", "unknown type '" + typeId.getTypeId() + "'; one of " + incidentTypes());
        }
        if (cause instanceof InvalidFormatException format
                && format.getTargetType().isEnum()) {
            return new InvalidField(
                    path(format),
                    "unknown value '" + format.getValue() + "'; one of "
                            + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new InvalidField(path(mismatch), "must be " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new InvalidField(path(mapping), mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException syntax) {
            return new InvalidField("", "not valid JSON: " + syntax.getOriginalMessage());
        }
        log.debug("Unreadable request body", cause);
        return new InvalidField("", "a JSON body is required");
    }

    private static String incidentTypes() {
        return Arrays.toString(org.crisistimeline.events.incident.IncidentType.values());
    }

    private static String describe(Class<?> type) {
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant with an offset, e.g. 2020-01-03T01:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date, e.g. 2020-01-03";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    /** The JSON path of the failure in the form Bean Validation uses: {@code actors[1].role}. */
    private static String path(JsonMappingException exception) {
        List<JsonMappingException.Reference> references = exception.getPath();
        String path = references.stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        // details are read from a buffer once their sibling type is known, so Jackson's path starts inside them
        return !references.isEmpty() && isInsideDetails(references.get(0).getFrom()) ? "details." + path : path;
    }

    private static boolean isInsideDetails(Object from) {
        Class<?> type = from instanceof Class<?> c ? c : from == null ? Object.class : from.getClass();
        return IncidentDetails.class.isAssignableFrom(type);
    }
}
