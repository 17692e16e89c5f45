package org.crisistimeline.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ServerFailuresTest {

    private final ServerFailures failures = new ServerFailures(
            ServerFailuresTest.class,
            SQLTransientConnectionException.class::isInstance,
            "The store is out of reach; retry later");

    @Test
    void theDatabaseOutOfReachIsUnavailableWithRetryAfter() {
        var answer = failures.answer(new SQLTransientConnectionException("connection refused"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getType()).hasToString("urn:crisis-timeline:problem:unavailable");
        assertThat(answer.getBody().getTitle()).isEqualTo("Unavailable");
        assertThat(answer.getBody().getDetail()).isEqualTo("The store is out of reach; retry later");
    }

    @Test
    void anyOtherFailureIsAnInternalErrorThatTellsNothingOfItsCause() {
        var answer = failures.answer(new IllegalStateException("secret internals"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsKey("Retry-After")).isFalse();
        assertThat(answer.getBody().getType()).hasToString("about:blank");
        assertThat(answer.getBody().getTitle()).isEqualTo("Internal error");
        assertThat(answer.getBody().getDetail()).isEqualTo("The request could not be answered; the error was logged");
    }
}
