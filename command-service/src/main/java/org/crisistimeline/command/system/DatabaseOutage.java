package org.crisistimeline.command.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a failure means the database could not be reached, rather than that it refused what was asked. */
final class DatabaseOutage {

    private DatabaseOutage() {}

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException // no pooled connection within Hikari's timeout
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    // a commit or rollback that failed: the connection broke under the transaction (a server
                    // stopping cuts it between the insert and the commit); Spring then keeps only the rollback's
                    // error, Hikari's "Connection is closed" without an SQL state (FaultsIT)
                    || cause instanceof TransactionSystemException) {
                return true;
            }
            // SQL state class 08: connection exception; 57P01-57P03: the server shuts down or starts up
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
