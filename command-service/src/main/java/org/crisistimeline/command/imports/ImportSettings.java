package org.crisistimeline.command.imports;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crisis-timeline.imports}: how data set files are imported.
 *
 * @param batchSize rows appended per transaction (IMPORT_BATCH_SIZE)
 * @param workers jobs running at a time (IMPORT_WORKERS)
 * @param spoolDir where uploads are kept while their job runs (IMPORT_SPOOL_DIR)
 * @param maxReportedProblems the refused rows a job keeps for its report
 */
@ConfigurationProperties("crisis-timeline.imports")
@Validated
record ImportSettings(
        @Min(1) int batchSize,
        @Min(1) int workers,
        @NotNull Path spoolDir,
        @Min(0) int maxReportedProblems) {}
