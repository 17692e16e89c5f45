package org.crisistimeline.command.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The jobs in {@code import_job} and the rows they refused in {@code import_problem}. */
@Component
@EnableConfigurationProperties(ImportSettings.class)
class ImportJobTable {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxReportedProblems;

    ImportJobTable(JdbcTemplate jdbc, Clock clock, ImportSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxReportedProblems = settings.maxReportedProblems();
    }

    enum State {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** the service stopped while it ran; running the same import again finishes it without duplicates */
        INTERRUPTED
    }

    void create(ImportJob job) {
        jdbc.update(
                """
                INSERT INTO import_job (id, state, format, file_name, file_sha256, file_bytes, crisis_id, create_crisis,
                                        release, dry_run, retract_missing, principal, created_at)
                VALUES (?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                job.id(),
                job.format(),
                job.fileName(),
                job.fileSha256(),
                job.fileBytes(),
                job.crisisId(),
                job.createCrisis(),
                job.release(),
                job.dryRun(),
                job.retractMissing(),
                job.principal(),
                Timestamp.from(clock.instant()));
    }

    void started(UUID id) {
        jdbc.update(
                "UPDATE import_job SET state = 'RUNNING', started_at = ? WHERE id = ?",
                Timestamp.from(clock.instant()),
                id);
    }

    /** Adds a batch's counts and keeps its problems, up to the report's limit; in the batch's transaction. */
    void progress(UUID id, ImportCounts counts, List<RowProblem> problems, long bytesRead) {
        jdbc.update(
                """
                UPDATE import_job SET rows_read = rows_read + ?, imported = imported + ?, unchanged = unchanged + ?,
                                      amended = amended + ?, retracted = retracted + ?, refused = refused + ?,
                                      bytes_read = ?
                WHERE id = ?
                """,
                counts.rowsRead(),
                counts.imported(),
                counts.unchanged(),
                counts.amended(),
                counts.retracted(),
                counts.refused(),
                bytesRead,
                id);
        if (problems.isEmpty()) {
            return;
        }
        // a refused row may have several problems: the report's limit counts problems, not rows
        Long kept = jdbc.queryForObject("SELECT count(*) FROM import_problem WHERE job_id = ?", Long.class, id);
        int room = (int) Math.max(0, Math.min(problems.size(), maxReportedProblems - kept));
        jdbc.batchUpdate(
                "INSERT INTO import_problem (job_id, line, column_name, reason) VALUES (?, ?, ?, ?)",
                problems.subList(0, room),
                500,
                (statement, problem) -> {
                    statement.setObject(1, id);
                    statement.setLong(2, problem.line());
                    statement.setString(3, problem.column());
                    statement.setString(4, problem.reason());
                });
    }

    void finished(UUID id, State state, String failure) {
        jdbc.update(
                "UPDATE import_job SET state = ?, finished_at = ?, failure = ? WHERE id = ?",
                state.name(),
                Timestamp.from(clock.instant()),
                failure,
                id);
    }

    /** Jobs a stopped service left running: nobody will finish them, the user re-runs them. */
    int interruptUnfinished() {
        return jdbc.update(
                "UPDATE import_job SET state = 'INTERRUPTED', finished_at = ? WHERE state IN ('QUEUED', 'RUNNING')",
                Timestamp.from(clock.instant()));
    }

    Optional<ImportStatus> find(UUID id) {
        return jdbc.query("SELECT * FROM import_job WHERE id = ?", ImportJobTable::status, id).stream()
                .findFirst()
                .map(status -> status.withProblems(jdbc.query(
                        "SELECT line, column_name, reason FROM import_problem WHERE job_id = ? ORDER BY line",
                        (row, index) -> new RowProblem(row.getLong(1), row.getString(2), row.getString(3)),
                        id)));
    }

    private static ImportStatus status(ResultSet row, int index) throws SQLException {
        return new ImportStatus(
                row.getObject("id", UUID.class),
                State.valueOf(row.getString("state")),
                row.getString("format"),
                row.getString("file_name"),
                row.getString("file_sha256"),
                row.getLong("file_bytes"),
                row.getLong("bytes_read"),
                row.getString("crisis_id"),
                row.getString("release"),
                row.getBoolean("dry_run"),
                row.getBoolean("retract_missing"),
                row.getString("principal"),
                instant(row, "created_at"),
                instant(row, "started_at"),
                instant(row, "finished_at"),
                new ImportCounts(
                        row.getLong("rows_read"),
                        row.getLong("imported"),
                        row.getLong("unchanged"),
                        row.getLong("amended"),
                        row.getLong("retracted"),
                        row.getLong("refused")),
                row.getString("failure"),
                List.of());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
