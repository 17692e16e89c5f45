package org.crisistimeline.command.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /api/v1/imports/{id}}: the job, where it is, what it did so far and the rows it refused
 * (line, column, reason), the first {@code crisis-timeline.imports.max-reported-problems} of them.
 *
 * @param bytesRead how much of the file the reader has consumed: with {@code fileBytes} the progress and an ETA
 * @param failure why the job stopped before the end of the file; null unless FAILED
 */
record ImportStatus(
        UUID id,
        ImportJobTable.State state,
        String format,
        String fileName,
        String fileSha256,
        long fileBytes,
        long bytesRead,
        String crisisId,
        String release,
        boolean dryRun,
        boolean retractMissing,
        String principal,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        ImportCounts counts,
        String failure,
        List<RowProblem> problems) {

    ImportStatus withProblems(List<RowProblem> problems) {
        return new ImportStatus(
                id,
                state,
                format,
                fileName,
                fileSha256,
                fileBytes,
                bytesRead,
                crisisId,
                release,
                dryRun,
                retractMissing,
                principal,
                createdAt,
                startedAt,
                finishedAt,
                counts,
                failure,
                List.copyOf(problems));
    }
}
