package org.crisistimeline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports a data set file through the command service's import endpoint, the one import path: it uploads the file to
 * {@code POST /api/v1/imports}, then follows {@code GET /api/v1/imports/{id}} until the job ends, with a progress bar on
 * a terminal and a plain line every few seconds otherwise.
 */
@Command(
        name = "import.sh",
        mixinStandardHelpOptions = true,
        description = "Imports a UCDP GED, ACLED or GDELT file (or our own NDJSON) into a crisis.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every row was imported, unchanged or amended",
            "1:rows were refused (each is listed with its line, column and reason)",
            "2:wrong command line",
            "3:the import was refused or failed (the service says why)"
        })
public final class ImportCommand implements Callable<Integer> {

    static final int ROWS_REFUSED = 1;
    static final int FAILED = 3;

    @Parameters(index = "0", description = "the file's format: ucdp-ged, acled, gdelt or ndjson")
    String format;

    @Parameters(index = "1", description = "the file to import")
    Path file;

    @Option(names = "--crisis", required = true, description = "the crisis the incidents belong to (its id)")
    String crisis;

    @Option(
            names = "--create-crisis",
            paramLabel = "NAME",
            description = "open the crisis under this name if it does not exist")
    String createCrisis;

    @Option(names = "--release", description = "the data set's release, e.g. 24.1 (otherwise the file's own)")
    String release;

    @Option(names = "--dry-run", description = "only validate and count: nothing is stored")
    boolean dryRun;

    @Option(
            names = "--retract-missing",
            description =
                    "retract the incidents of earlier imports of this data set into this crisis that the file no longer has")
    boolean retractMissing;

    @Option(
            names = "--url",
            defaultValue = "${env:CRISIS_TIMELINE_COMMAND_URL:-http://localhost:8081}",
            description = "the command service (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(
            names = "--token",
            defaultValue = "${env:CRISIS_TIMELINE_TOKEN}",
            description = "a bearer token with the editor role (default: $CRISIS_TIMELINE_TOKEN)")
    String token;

    @Option(names = "--poll", defaultValue = "PT0.5S", description = "how often to ask for progress (default: 0.5 s)")
    Duration poll;

    @Option(names = "--problems", defaultValue = "20", description = "how many refused rows to list (default: 20)")
    int problemsShown;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (token == null || token.isBlank()) {
            err.println("No token: give --token or set CRISIS_TIMELINE_TOKEN (infra/import.sh mints one)");
            return FAILED;
        }
        if (!Files.isReadable(file)) {
            err.println("Cannot read " + file);
            return FAILED;
        }
        HttpResponse<String> accepted = http.send(
                request("/api/v1/imports?" + query())
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            err.println("The import was refused (" + accepted.statusCode() + "): "
                    + Problems.describe(json, accepted.body()));
            return FAILED;
        }
        String status = json.readTree(accepted.body()).get("status").asText();
        Progress progress = new Progress(System.console() != null, System.nanoTime());
        JsonNode job;
        while (true) {
            HttpResponse<String> answer =
                    http.send(request(status).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                err.println("Could not follow the import (" + answer.statusCode() + "): "
                        + Problems.describe(json, answer.body()));
                return FAILED;
            }
            job = json.readTree(answer.body());
            progress.show(out, job, System.nanoTime());
            String state = job.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                break;
            }
            Thread.sleep(poll.toMillis());
        }
        out.println(Progress.summary(job, problemsShown));
        out.flush();
        if (!job.get("state").asText().equals("SUCCEEDED")) {
            return FAILED;
        }
        return job.at("/counts/refused").asLong() > 0 ? ROWS_REFUSED : 0;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofMinutes(10));
    }

    String query() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("format", format);
        parameters.put("crisis", crisis);
        parameters.put("fileName", file.getFileName().toString());
        if (createCrisis != null) parameters.put("createCrisis", createCrisis);
        if (release != null) parameters.put("release", release);
        if (dryRun) parameters.put("dryRun", "true");
        if (retractMissing) parameters.put("retractMissing", "true");
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
