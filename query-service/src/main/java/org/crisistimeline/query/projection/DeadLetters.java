package org.crisistimeline.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The dead letters and the records parked behind them, in the read model's database. Every change for an aggregate
 * first takes the aggregate's lock ({@link #lock}), in the caller's transaction, so that the consumer parking a record
 * and a retry draining the parked records of the same aggregate never miss each other's rows.
 */
@Component
public class DeadLetters {

    /** First key of the advisory locks taken here, distinct from the timeline projection's. */
    private static final int AGGREGATE_LOCKS = 0x6465_6164;

    private static final String SELECT = """
            SELECT d.*, (SELECT count(*) FROM parked_event p
                         WHERE p.aggregate_id = d.aggregate_id AND d.resolved_at IS NULL) AS parked
            FROM dead_letter d
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the work on one aggregate until the end of the current transaction. */
    void lock(String aggregateId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(?, hashtext(?))",
                (RowCallbackHandler) row -> {},
                AGGREGATE_LOCKS,
                aggregateId);
    }

    /**
     * Serialises the work on several aggregates until the end of the current transaction, in one statement. Taken in
     * the order of their ids, so two transactions locking overlapping sets wait for each other instead of deadlocking.
     */
    void lock(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return;
        }
        // unnest returns the elements in the array's order, which is the order the locks are taken in
        jdbc.query(
                "SELECT pg_advisory_xact_lock(?, hashtext(id)) FROM unnest(CAST(? AS text[])) AS id",
                (RowCallbackHandler) row -> {},
                AGGREGATE_LOCKS,
                new TreeSet<>(aggregateIds).toArray(String[]::new));
    }

    /** Those of the aggregates that have an open dead letter: their records are parked. */
    Set<String> heldBack(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT aggregate_id FROM dead_letter WHERE aggregate_id = ANY (?) AND resolved_at IS NULL",
                String.class,
                (Object) aggregateIds.toArray(String[]::new)));
    }

    boolean isHeldBack(String aggregateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM dead_letter WHERE aggregate_id = ? AND resolved_at IS NULL)",
                Boolean.class,
                aggregateId));
    }

    /**
     * Adds the record as an open dead letter. The same record failing again (redelivered after a crash, or read again
     * by a rebuild of the read model) opens its dead letter again rather than adding a second one.
     */
    long add(String aggregateId, HeldRecord record, String error) {
        return jdbc.queryForObject(
                """
                INSERT INTO dead_letter (aggregate_id, kafka_topic, kafka_partition, kafka_offset, record_key, headers,
                                         value, error, attempts, failed_at, last_failed_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, 1, now(), now())
                ON CONFLICT (kafka_topic, kafka_partition, kafka_offset) DO UPDATE
                SET error = excluded.error, attempts = dead_letter.attempts + 1, last_failed_at = now(),
                    resolved_at = NULL
                RETURNING id
                """,
                Long.class,
                aggregateId,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                headers(record),
                record.value(),
                error);
    }

    /**
     * Keeps the record aside until the aggregate's dead letter is retried. A record that is itself the dead letter
     * (delivered again after a crash before its offset was committed) is not parked behind itself.
     */
    void park(String aggregateId, HeldRecord record) {
        jdbc.update(
                """
                INSERT INTO parked_event (aggregate_id, kafka_topic, kafka_partition, kafka_offset, record_key, headers,
                                          value, parked_at)
                SELECT ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, now()
                WHERE NOT EXISTS (SELECT 1 FROM dead_letter
                                  WHERE kafka_topic = ? AND kafka_partition = ? AND kafka_offset = ?)
                ON CONFLICT (kafka_topic, kafka_partition, kafka_offset) DO NOTHING
                """,
                aggregateId,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                headers(record),
                record.value(),
                record.topic(),
                record.partition(),
                record.offset());
    }

    /** The open dead letters, oldest first. */
    public List<DeadLetter> open() {
        return jdbc.query(SELECT + " WHERE d.resolved_at IS NULL ORDER BY d.id", (row, number) -> deadLetter(row));
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query(SELECT + " WHERE d.id = ?", (row, number) -> deadLetter(row), id).stream()
                .findFirst();
    }

    /** The dead letter, locked for the rest of the transaction. */
    Optional<DeadLetter> findForUpdate(long id) {
        return jdbc.query(SELECT + " WHERE d.id = ? FOR UPDATE OF d", (row, number) -> deadLetter(row), id).stream()
                .findFirst();
    }

    void failedAgain(long id, String error) {
        jdbc.update(
                "UPDATE dead_letter SET error = ?, attempts = attempts + 1, last_failed_at = now() WHERE id = ?",
                error,
                id);
    }

    void resolve(long id) {
        jdbc.update("UPDATE dead_letter SET resolved_at = now() WHERE id = ?", id);
    }

    /** The records parked behind the aggregate's dead letter, in the order they arrived. */
    List<Parked> parked(String aggregateId) {
        return jdbc.query(
                "SELECT * FROM parked_event WHERE aggregate_id = ? ORDER BY id",
                (row, number) -> new Parked(row.getLong("id"), heldRecord(row)),
                aggregateId);
    }

    void unpark(long parkedId) {
        jdbc.update("DELETE FROM parked_event WHERE id = ?", parkedId);
    }

    record Parked(long id, HeldRecord record) {}

    private DeadLetter deadLetter(ResultSet row) throws SQLException {
        return new DeadLetter(
                row.getLong("id"),
                row.getString("aggregate_id"),
                heldRecord(row),
                row.getString("error"),
                row.getInt("attempts"),
                row.getObject("failed_at", OffsetDateTime.class).toInstant(),
                row.getObject("last_failed_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getObject("resolved_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null),
                row.getInt("parked"));
    }

    private HeldRecord heldRecord(ResultSet row) throws SQLException {
        try {
            return new HeldRecord(
                    row.getString("kafka_topic"),
                    row.getInt("kafka_partition"),
                    row.getLong("kafka_offset"),
                    row.getString("record_key"),
                    json.readValue(row.getString("headers"), new TypeReference<List<HeldRecord.Header>>() {}),
                    row.getBytes("value"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a held record are not JSON", e);
        }
    }

    private String headers(HeldRecord record) {
        try {
            return json.writeValueAsString(record.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
