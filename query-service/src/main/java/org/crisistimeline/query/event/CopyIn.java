package org.crisistimeline.query.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written into a table with PostgreSQL's {@code COPY … FROM STDIN} in its binary format, in the transaction of
 * the poll: for the thousands of rows a poll inserts, a fraction of the cost of binding them to an {@code INSERT}, and
 * neither side formats or parses a timestamp as text. In the binary format a value must have exactly its column's
 * type, so each column is declared with it and every value is checked against it.
 */
public final class CopyIn {

    /** PostgreSQL's {@code 'infinity'}: the end of a validity that has not ended. */
    public static final Instant INFINITY = Instant.MAX;

    /** The column types the read model copies into, each with the Java types of the values it takes. */
    public enum Type {
        TEXT,
        INT4,
        /** an Integer or a Long */
        INT8,
        FLOAT8,
        BOOL,
        /** {@link #INFINITY} for 'infinity' */
        TIMESTAMPTZ,
        DATE,
        /** the JSON as text */
        JSONB,
        /** of Strings */
        TEXT_ARRAY;

        // checked for every value copied: instanceof of a constant class, which the JIT compiles to a few instructions
        // where Class.isInstance of a class read from an array walks the type's supertypes
        boolean takes(Object value) {
            return switch (this) {
                case TEXT, JSONB -> value instanceof String;
                case INT4 -> value instanceof Integer;
                case INT8 -> value instanceof Long || value instanceof Integer;
                case FLOAT8 -> value instanceof Double;
                case BOOL -> value instanceof Boolean;
                case TIMESTAMPTZ -> value instanceof Instant;
                case DATE -> value instanceof LocalDate;
                case TEXT_ARRAY -> value instanceof Collection;
            };
        }
    }

    public record Column(String name, Type type) {}

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final long POSTGRES_EPOCH_DAY = 10_957L;
    private static final int TEXT_OID = 25;

    private final String statement;
    private final Type[] types;
    private byte[] buffer = new byte[8_192];
    private int size;
    private int count;

    private CopyIn(String table, Column... columns) {
        this.statement = "COPY " + table + " ("
                + String.join(", ", Arrays.stream(columns).map(Column::name).toList())
                + ") FROM STDIN (FORMAT binary)";
        this.types = Arrays.stream(columns).map(Column::type).toArray(Type[]::new);
        bytes(SIGNATURE);
        int32(0); // flags
        int32(0); // no header extension
    }

    public static CopyIn into(String table, Column... columns) {
        return new CopyIn(table, columns);
    }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column int4(String name) {
        return new Column(name, Type.INT4);
    }

    public static Column int8(String name) {
        return new Column(name, Type.INT8);
    }

    public static Column float8(String name) {
        return new Column(name, Type.FLOAT8);
    }

    public static Column bool(String name) {
        return new Column(name, Type.BOOL);
    }

    public static Column timestamptz(String name) {
        return new Column(name, Type.TIMESTAMPTZ);
    }

    public static Column date(String name) {
        return new Column(name, Type.DATE);
    }

    public static Column jsonb(String name) {
        return new Column(name, Type.JSONB);
    }

    public static Column textArray(String name) {
        return new Column(name, Type.TEXT_ARRAY);
    }

    /**
     * One row, its values in the order of the columns; null is SQL NULL.
     *
     * @throws IllegalArgumentException when a value is not of its column's type
     */
    public CopyIn row(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(
                    values.length + " values for " + types.length + " columns: " + statement);
        }
        int16(types.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                int32(-1);
            } else if (types[i].takes(values[i])) {
                value(types[i], values[i], i);
            } else {
                throw mismatch(types[i], values[i], i);
            }
        }
        count++;
        return this;
    }

    /** Sends the rows, if any, on the connection of the current transaction. */
    public void write(JdbcTemplate jdbc) {
        if (count == 0) {
            return;
        }
        int16(-1); // the trailer
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(statement, new ByteArrayInputStream(buffer, 0, size));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void value(Type type, Object value, int column) {
        switch (type) {
            case TEXT -> text((String) value, 0);
            // jsonb's binary form: a version byte, then the text
            case JSONB -> text((String) value, 1);
            case INT4 -> {
                int32(4);
                int32((Integer) value);
            }
            case INT8 -> {
                int32(8);
                int64(((Number) value).longValue());
            }
            case FLOAT8 -> {
                int32(8);
                int64(Double.doubleToLongBits((Double) value));
            }
            case BOOL -> {
                int32(1);
                int8((Boolean) value ? 1 : 0);
            }
            case TIMESTAMPTZ -> {
                int32(8);
                int64(value.equals(INFINITY) ? Long.MAX_VALUE : microsSincePostgresEpoch((Instant) value));
            }
            case DATE -> {
                int32(4);
                int32(Math.toIntExact(((LocalDate) value).toEpochDay() - POSTGRES_EPOCH_DAY));
            }
            case TEXT_ARRAY -> textArray((Collection<?>) value, column);
        }
    }

    /**
     * Microseconds, to the nearest and ties to even, as PostgreSQL rounds the fraction of a timestamp it reads as text:
     * an instant copied in equals the same instant bound as a text parameter elsewhere.
     */
    static long microsSincePostgresEpoch(Instant instant) {
        long micros = Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L);
        int nanos = instant.getNano();
        long wholeMicros = nanos / 1_000;
        int rest = nanos % 1_000;
        if (rest > 500 || (rest == 500 && (wholeMicros & 1) == 1)) {
            wholeMicros++;
        }
        return micros + wholeMicros;
    }

    /** A one-dimensional text[]: dimensions, a null flag, the element type, then each dimension's length and base. */
    private void textArray(Collection<?> elements, int column) {
        int lengthAt = size;
        int32(0); // the length, filled in below
        boolean empty = elements.isEmpty();
        boolean nulls = false;
        for (Object element : elements) {
            nulls |= element == null;
        }
        int32(empty ? 0 : 1);
        int32(nulls ? 1 : 0);
        int32(TEXT_OID);
        if (!empty) {
            int32(elements.size());
            int32(1);
        }
        for (Object element : elements) {
            if (element == null) {
                int32(-1);
            } else if (element instanceof String text) {
                text(text, 0);
            } else {
                throw mismatch(Type.TEXT_ARRAY, elements, column);
            }
        }
        int end = size;
        size = lengthAt;
        int32(end - lengthAt - 4);
        size = end;
    }

    private void text(String text, int versionByte) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (versionByte > 0) {
            int32(utf8.length + 1);
            int8(versionByte);
        } else {
            int32(utf8.length);
        }
        bytes(utf8);
    }

    private IllegalArgumentException mismatch(Type type, Object value, int column) {
        return new IllegalArgumentException("a " + value.getClass().getSimpleName() + " for the " + type + " column "
                + (column + 1) + " of " + statement);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private void bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void int8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    private void int16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }
}
