package org.crisistimeline.command.imports;

import jakarta.annotation.PreDestroy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs in the background, one batch at a time: a file is read row by row by its format's reader, every
 * {@code crisis-timeline.imports.batch-size} rows are appended in one transaction ({@link ImportBatches}), and at the
 * end, when asked, the incidents of earlier imports of the same data set that the file no longer has are retracted.
 *
 * <p>A batch that loses a race with another writer of the same ids (the event table's unique key) is tried once more,
 * which then finds those ids stored. A job the service stopped in the middle keeps the batches it committed; running the
 * same import again stores the rest and nothing twice.
 */
@Component
@EnableConfigurationProperties(ImportSettings.class)
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final Map<String, DatasetReader> readers;
    private final ImportBatches batches;
    private final ImportJobTable jobs;
    private final JdbcTemplate jdbc;
    private final ExecutorService executor;
    private final int batchSize;

    /**
     * @param beans the readers are the beans of type {@link DatasetReader}, each named after its format ({@code
     *     @Component("ucdp-ged")})
     * @param workers how many jobs run at a time; the others wait their turn. One by default: a job keeps a core busy
     *     and PostgreSQL the other
     */
    ImportJobs(
            ListableBeanFactory beans,
            ImportBatches batches,
            ImportJobTable jobs,
            JdbcTemplate jdbc,
            ImportSettings settings) {
        this.readers = beans.getBeansOfType(DatasetReader.class);
        this.batches = batches;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.batchSize = settings.batchSize();
        this.executor = Executors.newFixedThreadPool(settings.workers(), runnable -> {
            Thread thread = new Thread(runnable, "import-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        // a job cut off here keeps its committed batches and is marked INTERRUPTED on the next start
        executor.shutdownNow();
    }

    /** The formats that have a reader, named as the {@code format} parameter names them; ndjson is our own. */
    java.util.Set<String> formats() {
        java.util.Set<String> formats = new java.util.TreeSet<>(readers.keySet());
        formats.add(NdjsonLines.FORMAT);
        return formats;
    }

    /** True when the format's files do not say their release, so the user must name it. */
    boolean needsRelease(String format) {
        DatasetReader reader = readers.get(format);
        return reader != null && reader.defaultRelease() == null;
    }

    /** Records the job and queues it; the spooled file is deleted when the job ends. */
    void start(ImportJob job, Path file) {
        jobs.create(job);
        executor.execute(() -> run(job, file));
    }

    @EventListener(ApplicationReadyEvent.class)
    void interruptUnfinished() {
        int interrupted = jobs.interruptUnfinished();
        if (interrupted > 0) {
            log.warn("{} import job(s) were left unfinished by a stopped service; run them again", interrupted);
        }
    }

    void run(ImportJob job, Path file) {
        jobs.started(job.id());
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
                InputStream in = new BufferedInputStream(counted, 1 << 16)) {
            Run run = new Run(job, counted);
            if (job.format().equals(NdjsonLines.FORMAT)) {
                new NdjsonLines().read(in, run::line, run::problem);
            } else {
                readers.get(job.format()).read(in, job.release(), run::row, run::problem);
            }
            run.flush();
            if (job.retractMissing()) {
                run.retractMissing();
            }
            jobs.finished(job.id(), ImportJobTable.State.SUCCEEDED, null);
        } catch (Exception e) {
            log.warn("Import job {} failed", job.id(), e);
            jobs.finished(
                    job.id(), ImportJobTable.State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the spooled upload {}", file, e);
            }
        }
    }

    /** Counts the bytes read from the file, under the reader's buffers: how far the job is. */
    private static final class CountingInputStream extends java.io.FilterInputStream {

        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** The state of one job while it reads its file: the rows of the batch being filled, the ids seen so far. */
    private final class Run {

        private final ImportJob job;
        private final CountingInputStream file;
        private final List<ImportedLine> lines = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        private final ImportMemory memory = new ImportMemory();
        private String dataset;
        private String release;

        Run(ImportJob job, CountingInputStream file) {
            this.job = job;
            this.file = file;
        }

        void row(ImportRow row) {
            if (dataset == null) {
                dataset = row.dataset();
                release = row.dataset() + " " + row.release();
            }
            line(ImportedIncident.of(row, job.crisisId()));
        }

        void line(ImportedLine line) {
            lines.add(line);
            if (lines.size() >= batchSize) {
                flush();
            }
        }

        void problem(RowProblem problem) {
            problems.add(problem);
            if (problems.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (lines.isEmpty() && problems.isEmpty()) {
                return;
            }
            try {
                batches.append(job, lines, problems, memory, file.count());
            } catch (ConcurrencyException | DataIntegrityViolationException lostRace) {
                // another writer stored some of these ids first: read again, they are existing incidents now
                log.info("Import job {}: a batch met a concurrent write, trying it again", job.id());
                batches.append(job, lines, problems, memory, file.count());
            }
            lines.clear();
            problems.clear();
        }

        void retractMissing() {
            if (dataset == null) {
                // a file without one good row retracts nothing (it is more likely wrong than empty); nor does
                // NDJSON, whose incidents are not a data set's rows
                return;
            }
            String prefix = ImportIds.prefix(dataset).replace("_", "\\_") + "-%";
            List<String> missing = jdbc.queryForList(
                    "SELECT aggregate_identifier FROM domain_event_entry"
                            + " WHERE type = 'Incident' AND sequence_number = 0 AND aggregate_identifier LIKE ?"
                            + " AND convert_from(payload, 'UTF8')::jsonb ->> 'crisisId' = ?"
                            + " ORDER BY aggregate_identifier",
                    String.class,
                    prefix,
                    job.crisisId());
            missing.removeIf(memory.lines::containsKey);
            for (int from = 0; from < missing.size(); from += batchSize) {
                batches.retract(job, missing.subList(from, Math.min(missing.size(), from + batchSize)), release);
            }
        }
    }
}
