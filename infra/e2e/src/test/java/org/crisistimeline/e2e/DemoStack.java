package org.crisistimeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.crisistimeline.testsupport.TestTokens;

/**
 * Both service jars as processes on real PostgreSQL and Kafka, with databases of their own, and the demo crisis loaded
 * by the same script the local stack runs.
 */
final class DemoStack implements AutoCloseable {

    static final Path DEMO_LOADER = Path.of(System.getProperty("demoLoader"));

    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    final ServiceProcess commandService;
    final ServiceProcess queryService;

    private DemoStack(ServiceProcess commandService, ServiceProcess queryService) {
        this.commandService = commandService;
        this.queryService = queryService;
    }

    /** @param name what the databases and the service logs are named after, one per test class */
    static DemoStack start(String name) throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, String> shared = Map.of(
                "POSTGRES_USER", infrastructure.username(),
                "POSTGRES_PASSWORD", infrastructure.password(),
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                "JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toString());
        var stack = new DemoStack(
                ServiceProcess.start(
                        name + "-command-service",
                        Path.of(System.getProperty("commandServiceJar")),
                        with(shared, "POSTGRES_URL", infrastructure.jdbcUrl(name + "_events"))),
                ServiceProcess.start(
                        name + "-query-service",
                        Path.of(System.getProperty("queryServiceJar")),
                        with(shared, "POSTGRES_URL", infrastructure.jdbcUrl(name + "_query"))));
        stack.commandService.awaitHealthy(Duration.ofSeconds(240));
        stack.queryService.awaitHealthy(Duration.ofSeconds(240));
        assertThat(stack.loadDemoCrisis()).contains("Demo crisis loaded");
        stack.awaitDemoChangesApplied();
        return stack;
    }

    String loadDemoCrisis() throws Exception {
        var builder = new ProcessBuilder(
                        "bash",
                        DEMO_LOADER.toString(),
                        "--command-url",
                        commandService.baseUrl(),
                        "--query-url",
                        queryService.baseUrl())
                .redirectErrorStream(true);
        builder.environment().put("TIMELINE_TOKEN", TestTokens.token("demo-loader", "editor"));
        Process loader = builder.start();
        String output = new String(loader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(loader.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(loader.exitValue())
                .as(
                        "demo loader output:\n%s\ncommand-service:\n%s\nquery-service:\n%s",
                        output, commandService.tail(), queryService.tail())
                .isZero();
        return output;
    }

    /**
     * The loader waits until the timelines show the demo's incidents, not their later changes, which the read model
     * applies a moment later: waits until every incident changed in changes.ndjson (and not retracted) shows the version
     * its changes give it, so that a test comparing two reads does not see the last changes arrive in between.
     */
    private void awaitDemoChangesApplied() throws Exception {
        Map<String, Integer> expectedVersions = new HashMap<>();
        List<String> retracted = new ArrayList<>();
        for (String line : Files.readAllLines(DEMO_LOADER.resolveSibling("iran-us-2020/changes.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            String[] path = json.readTree(line).get("path").asText().split("/"); // /api/v1/incidents/ID/CHANGE
            expectedVersions.merge(path[4], 2, (versions, one) -> versions + 1);
            if (path[5].equals("retraction")) {
                retracted.add(path[4]);
            }
        }
        retracted.forEach(expectedVersions::remove);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Map<String, Integer> shown = new HashMap<>();
            get("/api/v1/timelines/crises/iran-us-2020?limit=500")
                    .get("items")
                    .forEach(item -> shown.put(
                            item.get("incidentId").asText(), item.get("version").asInt()));
            if (expectedVersions.entrySet().stream()
                    .allMatch(expected -> shown.getOrDefault(expected.getKey(), 0) >= expected.getValue())) {
                return;
            }
            assertThat(Instant.now())
                    .as("the read model applies the demo's changes: expected %s, shown %s", expectedVersions, shown)
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** A GET of the query service that must answer 200. */
    JsonNode get(String path) throws Exception {
        return json.readTree(text(path));
    }

    /** A GET of the query service that must answer 200, its body as it came. */
    String text(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(queryService.baseUrl() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return response.body();
    }

    /** Imports our own NDJSON into a crisis through the command service, and waits for the job's counts. */
    JsonNode importNdjson(String crisis, String ndjson) throws Exception {
        String token = TestTokens.token("demo-importer", "editor");
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(
                                URI.create(commandService.baseUrl() + "/api/v1/imports?format=ndjson&crisis=" + crisis))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        URI status = URI.create(commandService.baseUrl()
                + json.readTree(accepted.body()).get("status").asText());
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            JsonNode job = json.readTree(http.send(
                            HttpRequest.newBuilder(status)
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if (job.hasNonNull("finishedAt")) {
                assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
                return job.get("counts");
            }
            assertThat(Instant.now()).as("the import ends: %s", job).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws Exception {
        queryService.close();
        commandService.close();
    }

    private static Map<String, String> with(Map<String, String> shared, String key, String value) {
        var environment = new HashMap<>(shared);
        environment.put(key, value);
        return environment;
    }
}
