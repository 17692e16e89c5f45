package org.crisistimeline.bench.write;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.crisistimeline.bench.data.SyntheticCrises;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.postgresql.PGConnection;

/**
 * The raw baselines of the write path: the same event JSON inserted into a table shaped like Axon's event table (same
 * columns, identity, unique constraints and indexes), by plain JDBC with synchronous commit. What the service cannot
 * beat, since it does this and more for every incident.
 */
public final class RawEvents {

    static final String TABLE = "bench_raw_event";
    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
            + " payload_type, payload_revision, payload, meta_data";
    private static final String INSERT =
            "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, 0, 'Incident', ?, ?, '2', ?, ?)";
    private static final byte[] META_DATA =
            "{\"principal\":\"bench\",\"clientAddress\":\"127.0.0.1\",\"requestId\":\"r\",\"hash\":\"0\"}"
                    .getBytes(UTF_8);

    private final ObjectMapper json = EventJson.newMapper();
    private final SyntheticCrises crises;

    public RawEvents(SyntheticCrises crises) {
        this.crises = crises;
    }

    /** An empty copy of the event table (without its trigger, which only refuses updates and deletes). */
    public static void reset(Connection events) throws SQLException {
        try (Statement statement = events.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
            statement.execute("TRUNCATE " + TABLE);
        }
    }

    public static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement(INSERT);
    }

    /** Binds incident {@code n}'s event; the caller executes or batches it. */
    public void bind(PreparedStatement insert, long n) throws SQLException {
        IncidentRecorded event = crises.incident(n);
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, event.incidentId());
        insert.setString(3, Instant.now().toString());
        insert.setString(4, IncidentRecorded.class.getName());
        insert.setBytes(5, payload(event));
        insert.setBytes(6, META_DATA);
    }

    /** Inserts {@code count} events in batches of {@code batchSize}, each batch one transaction. */
    public void insertBatched(Connection connection, long first, int count, int batchSize) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = prepare(connection)) {
            for (int i = 0; i < count; i++) {
                bind(insert, first + i);
                insert.addBatch();
                if ((i + 1) % batchSize == 0 || i == count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Inserts {@code count} events with COPY, in chunks of {@code chunkSize}, each chunk one transaction. */
    public void copy(Connection connection, long first, int count, int chunkSize) throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        var hex = HexFormat.of();
        String metaData = "\\\\x" + hex.formatHex(META_DATA);
        for (int start = 0; start < count; start += chunkSize) {
            var rows = new StringBuilder();
            for (int i = start; i < Math.min(count, start + chunkSize); i++) {
                IncidentRecorded event = crises.incident(first + i);
                rows.append(UUID.randomUUID())
                        .append('\t')
                        .append(event.incidentId())
                        .append("\t0\tIncident\t")
                        .append(Instant.now())
                        .append('\t')
                        .append(IncidentRecorded.class.getName())
                        .append("\t2\t\\\\x")
                        .append(hex.formatHex(payload(event)))
                        .append('\t')
                        .append(metaData)
                        .append('\n');
            }
            copy.copyIn("COPY " + TABLE + " (" + COLUMNS + ") FROM STDIN", new StringReader(rows.toString()));
        }
    }

    private byte[] payload(IncidentRecorded event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
