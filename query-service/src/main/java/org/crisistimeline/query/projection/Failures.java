package org.crisistimeline.query.projection;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the infrastructure, which passes (the database is down, restarting or overloaded, a deadlock, a
 * lock timeout), from a failure of the record, which does not. The first is retried for as long as it lasts and holds
 * the partition, so nothing is dead-lettered because PostgreSQL restarted; the second is poison.
 */
final class Failures {

    private Failures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    // a commit or rollback that failed on a broken connection: Spring keeps only the rollback's
                    // error, Hikari's "Connection is closed" without an SQL state
                    || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || (cause instanceof SQLException sql && isTransientState(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * SQLSTATEs of PostgreSQL that pass: class 08 connection exception, 40001 serialization failure, 40P01 deadlock,
     * class 53 insufficient resources (disk full, too many connections), 57P0x operator intervention (shutdown,
     * cannot connect now).
     */
    private static boolean isTransientState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("40001")
                        || state.equals("40P01")
                        || state.startsWith("53")
                        || state.startsWith("57P"));
    }
}
