package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class ProblemsTest {

    @Test
    void aReadWhoseCommitFailedOnAStoppingServerIsUnavailableNotAnInternalError() {
        // PostgreSQL stopped under a read-only transaction: the commit fails, the rollback then on the
        // closed connection, and Spring throws the rollback's error alone
        var rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        var answer = new Problems().unexpected(rollbackFailed);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void aFailureOfOurOwnIsStillAnInternalError() {
        assertThat(new Problems()
                        .unexpected(new IllegalStateException("a bug"))
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
    }
}
