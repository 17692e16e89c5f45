package org.crisistimeline.command.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.crisistimeline.command.system.IdAlreadyUsed;
import org.crisistimeline.command.system.Ids;
import org.crisistimeline.command.system.InvalidField;
import org.crisistimeline.command.system.KnownAggregates;
import org.crisistimeline.command.system.RuleViolation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of data set files: {@code POST /api/v1/imports?format=ucdp-ged&crisis=…} with the file as the raw body (or
 * as the part {@code file} of a multipart form) answers 202 with the job's id at once; {@code GET
 * /api/v1/imports/{id}} shows its progress and the rows it refused. The upload is streamed to a spool file (never held
 * in memory) while its SHA-256 is taken, then the job reads it in the background.
 */
@RestController
@RequestMapping("/api/v1/imports")
@EnableConfigurationProperties(ImportSettings.class)
class ImportController {

    private final ImportJobs imports;
    private final ImportJobTable jobs;
    private final KnownAggregates known;
    private final Path spool;

    ImportController(ImportJobs imports, ImportJobTable jobs, KnownAggregates known, ImportSettings settings) {
        this.imports = imports;
        this.jobs = jobs;
        this.known = known;
        this.spool = settings.spoolDir();
    }

    /**
     * The query parameters of an import.
     *
     * @param dryRun only validate and count, store nothing (absent: false)
     * @param retractMissing retract the incidents of earlier imports of the data set into the crisis that the file no
     *     longer has (absent: false)
     * @param createCrisis the name of the crisis to open under {@code crisis} if it does not exist yet
     * @param fileName the file's name for the audit trail, when the raw body does not say it; a multipart part does
     */
    record ImportParameters(
            @NotBlank String format,

            @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
            String crisis,

            @Size(min = 1, max = 200) String createCrisis,
            @Size(min = 1, max = 100) String release,
            Boolean dryRun,
            Boolean retractMissing,
            @Size(min = 1, max = 255) String fileName) {}

    record Accepted(UUID id, String state, URI status) {}

    @PostMapping
    ResponseEntity<Accepted> start(
            @Valid @ModelAttribute ImportParameters parameters,
            @RequestPart(name = "file", required = false) MultipartFile part,
            HttpServletRequest request,
            Authentication principal)
            throws IOException {
        refuseUnknownFormatOrCrisis(parameters);
        UUID id = UUID.randomUUID();
        Path file = Files.createTempFile(Files.createDirectories(spool), "import-" + id, ".upload");
        try {
            MessageDigest sha256 = sha256();
            long bytes;
            try (InputStream body = part != null ? part.getInputStream() : request.getInputStream();
                    InputStream digesting = new DigestInputStream(body, sha256);
                    OutputStream out = Files.newOutputStream(file)) {
                bytes = digesting.transferTo(out);
            }
            if (bytes == 0) {
                throw new RuleViolation(List.of(new InvalidField("file", "the file is empty; send it as the body")));
            }
            String fileName = part != null && part.getOriginalFilename() != null
                    ? part.getOriginalFilename()
                    : parameters.fileName() != null ? parameters.fileName() : "upload";
            ImportJob job = new ImportJob(
                    id,
                    parameters.format(),
                    fileName,
                    HexFormat.of().formatHex(sha256.digest()),
                    bytes,
                    parameters.crisis(),
                    parameters.createCrisis(),
                    parameters.release(),
                    Boolean.TRUE.equals(parameters.dryRun()),
                    Boolean.TRUE.equals(parameters.retractMissing()),
                    principal.getName());
            imports.start(job, file);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        URI status = URI.create("/api/v1/imports/" + id);
        return ResponseEntity.accepted().location(status).body(new Accepted(id, "QUEUED", status));
    }

    @GetMapping("/{id}")
    ImportStatus status(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No import job with the id " + id);
            problem.setType(URI.create("urn:crisis-timeline:problem:not-found"));
            problem.setTitle("Not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    /** Checked before the upload is read, so a wrong request costs nothing. */
    private void refuseUnknownFormatOrCrisis(ImportParameters parameters) {
        if (!imports.formats().contains(parameters.format())) {
            throw new RuleViolation(List.of(
                    new InvalidField("format", "unknown format; one of " + String.join(", ", imports.formats()))));
        }
        String kind = known.typeOf(parameters.crisis()).orElse(null);
        if (kind != null && !kind.equals("Crisis")) {
            throw new IdAlreadyUsed("The id '%s' is used by %s, not a crisis"
                    .formatted(parameters.crisis(), kind.toLowerCase(java.util.Locale.ROOT)));
        }
        // an NDJSON file may bring its crisis as its first line
        if (kind == null
                && parameters.createCrisis() == null
                && !parameters.format().equals(NdjsonLines.FORMAT)) {
            throw new RuleViolation(List.of(new InvalidField(
                    "crisis", "no crisis with this id; give createCrisis to open one with the import")));
        }
        if (parameters.release() == null && imports.needsRelease(parameters.format())) {
            throw new RuleViolation(List.of(new InvalidField(
                    "release",
                    "required for " + parameters.format() + ": its files do not say which release they are")));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
