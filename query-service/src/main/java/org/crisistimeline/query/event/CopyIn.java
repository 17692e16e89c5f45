package org.crisistimeline.query.event;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written into a table with PostgreSQL's {@code COPY … FROM STDIN} (text format), in the transaction of the poll:
 * for the thousands of rows a poll inserts, a fraction of the cost of binding them to an {@code INSERT}, on both sides
 * of the connection. Values are written as PostgreSQL reads them in text: instants, dates and numbers by their {@code
 * toString}, JSON and array literals as the text given.
 */
public final class CopyIn {

    private final String statement;
    private final int width;
    private final StringBuilder rows = new StringBuilder(8_192);
    private int count;

    private CopyIn(String table, String... columns) {
        this.statement = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.width = columns.length;
    }

    public static CopyIn into(String table, String... columns) {
        return new CopyIn(table, columns);
    }

    /** One row, its values in the order of the columns; null is SQL NULL. */
    public CopyIn row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException(values.length + " values for " + width + " columns: " + statement);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            append(values[i]);
        }
        rows.append('\n');
        count++;
        return this;
    }

    /** Sends the rows, if any, on the connection of the current transaction. */
    public void write(JdbcTemplate jdbc) {
        if (count == 0) {
            return;
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(statement, new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void append(Object value) {
        if (value == null) {
            rows.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
