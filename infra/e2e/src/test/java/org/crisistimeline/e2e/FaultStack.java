package org.crisistimeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crisistimeline.reconcile.Reconciliation;
import org.crisistimeline.reconcile.ReconciliationSource;
import org.crisistimeline.testsupport.StoppablePostgres;
import org.crisistimeline.testsupport.TestTokens;

/**
 * The stack a fault test breaks: both service jars as processes, a PostgreSQL server and a Kafka broker process of its
 * own (so that either can be stopped or killed, and so that the topic holds this test's events only). Any number of
 * command-service instances share one event store, and any number of query-service instances one read model and one
 * consumer group.
 */
final class FaultStack implements AutoCloseable {

    static final String TOKEN = TestTokens.token("fault-tests", "recorder", "editor", "admin");
    static final String TOPIC = "crisis-timeline.events.v1";

    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final String crisis;
    final StoppablePostgres postgres;
    final KafkaBroker broker;
    final List<ServiceProcess> commandServices = new ArrayList<>();
    final List<ServiceProcess> queryServices = new ArrayList<>();
    private final String commandDatabase;
    private Map<String, String> commandEnvironment;
    private Map<String, String> queryEnvironment;

    private FaultStack(String name, StoppablePostgres postgres, KafkaBroker broker, String commandDatabase) {
        this.name = name;
        this.crisis = name.replace('_', '-') + "-crisis";
        this.postgres = postgres;
        this.broker = broker;
        this.commandDatabase = commandDatabase;
    }

    /**
     * @param queryInstances how many query services, one read model and consumer group between them
     * @param commandEnvironment settings of the command service besides the database, broker and key
     * @param queryEnvironment settings of the query services besides the database, broker and key
     */
    static FaultStack start(
            String name,
            Map<String, String> commandEnvironment,
            int queryInstances,
            Map<String, String> queryEnvironment)
            throws Exception {
        // a server of the stack's own, whatever TestInfrastructure chose for the other tests: one fault stops it
        var postgres = new StoppablePostgres();
        KafkaBroker broker = KafkaBroker.start(name);
        Map<String, String> shared = Map.of(
                "POSTGRES_USER", postgres.username(),
                "POSTGRES_PASSWORD", postgres.password(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "JWT_PUBLIC_KEY", TestTokens.publicKeyFile().toString());
        String commandDatabase = name + "_events";
        var stack = new FaultStack(name, postgres, broker, commandDatabase);
        stack.commandEnvironment = with(shared, commandEnvironment);
        stack.commandEnvironment.put("POSTGRES_URL", postgres.jdbcUrl(commandDatabase));
        stack.queryEnvironment = with(shared, queryEnvironment);
        stack.queryEnvironment.put("POSTGRES_URL", postgres.jdbcUrl(name + "_query"));
        ServiceProcess command = stack.startCommandService();
        for (int i = 1; i <= queryInstances; i++) {
            stack.startQueryService();
        }
        command.awaitHealthy(Duration.ofSeconds(240));
        for (ServiceProcess queryService : stack.queryServices) {
            queryService.awaitHealthy(Duration.ofSeconds(240));
        }
        stack.openCrisis();
        return stack;
    }

    /** The command service the stack's own requests (the crisis, imports, reconciliation) go to. */
    ServiceProcess commandService() {
        return commandServices.get(0);
    }

    ServiceProcess queryService() {
        return queryServices.get(0);
    }

    /** One more command service on the same event store and broker, on a port of its own; not yet awaited. */
    ServiceProcess startCommandService() throws Exception {
        var commandService = ServiceProcess.start(
                name + "-command-service-" + (commandServices.size() + 1),
                Path.of(System.getProperty("commandServiceJar")),
                commandEnvironment);
        commandServices.add(commandService);
        return commandService;
    }

    /** One more query service in the same consumer group, on the same read model; not yet awaited. */
    ServiceProcess startQueryService() throws Exception {
        var queryService = ServiceProcess.start(
                name + "-query-service-" + (queryServices.size() + 1),
                Path.of(System.getProperty("queryServiceJar")),
                queryEnvironment);
        queryServices.add(queryService);
        return queryService;
    }

    /**
     * A query service rebuilding the read model from the whole topic, on an empty database and in a consumer group of
     * its own; not yet awaited, and not one of the stack's query services (close it when done).
     */
    ServiceProcess startRebuild(String rebuild) throws Exception {
        Map<String, String> environment = new HashMap<>(queryEnvironment);
        environment.put("POSTGRES_URL", postgres.jdbcUrl(name + "_" + rebuild));
        environment.put("KAFKA_CONSUMER_GROUP", name + "-" + rebuild);
        return ServiceProcess.start(name + "-" + rebuild, Path.of(System.getProperty("queryServiceJar")), environment);
    }

    /** The database of a {@link #startRebuild rebuild}. */
    Connection rebuiltDatabase(String rebuild) throws SQLException {
        return DriverManager.getConnection(
                postgres.jdbcUrl(name + "_" + rebuild), postgres.username(), postgres.password());
    }

    /** The event store's database, for a writer of its own. */
    Connection commandDatabase() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(commandDatabase), postgres.username(), postgres.password());
    }

    /** The read model's database, for counting what it applied while its service is down or busy. */
    Connection queryDatabase() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(name + "_query"), postgres.username(), postgres.password());
    }

    /** How many aggregates whose id starts with {@code prefix} the read model has applied events of. */
    static long applied(Connection queryDatabase, String prefix) throws SQLException {
        try (var statement =
                queryDatabase.prepareStatement("SELECT count(*) FROM aggregate_position WHERE aggregate_id LIKE ?")) {
            statement.setString(1, prefix + "%");
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The crisis and the two actors every incident of {@link #incident} names. */
    private void openCrisis() throws Exception {
        expectCreated(post("/api/v1/crises", """
                {"id": "%s", "name": "Faults", "summary": "Incidents written while parts of the stack fail",
                 "countries": ["IQ", "US"], "startedOn": "2020-01-03"}""".formatted(crisis)));
        expectCreated(post("/api/v1/actors", """
                {"id": "%s-iran", "name": "Iran", "kind": "STATE", "country": "IR", "aliases": []}""".formatted(crisis)));
        expectCreated(post("/api/v1/actors", """
                {"id": "%s-us", "name": "United States", "kind": "STATE", "country": "US", "aliases": []}""".formatted(crisis)));
    }

    /** An incident of this stack's crisis; {@code n} spreads them over time, so their timeline order is known. */
    String incident(String id, int n) {
        return """
                {"id": "%s", "crisisId": "%s", "type": "STRIKE",
                 "occurredAt": "%s", "occurredPrecision": "DAY",
                 "location": {"country": "IQ", "place": "Ain al-Asad air base"},
                 "actors": [{"actorId": "%s-iran", "role": "INITIATOR"}, {"actorId": "%s-us", "role": "TARGET"}],
                 "summary": "Strike number %d.",
                 "details": {"method": "MISSILE", "target": "Ain al-Asad air base",
                             "casualties": {"killed": {"low": 0, "best": 0, "high": 0}}},
                 "sources": [{"publisher": "Example Wire", "url": "https://example.org/%s",
                              "publishedAt": "2020-01-08T00:10:00Z"}],
                 "confidence": "MEDIUM"}""".formatted(
                        id, crisis, Instant.parse("2020-01-03T00:00:00Z").plusSeconds(60L * n), crisis, crisis, n, id);
    }

    /** A second source of an incident: its next event. */
    static String source(String id, int n) {
        return """
                {"publisher": "Second Wire", "url": "https://example.org/second/%s/%d",
                 "publishedAt": "2020-01-08T01:00:00Z"}""".formatted(id, n);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return post(commandService(), path, body);
    }

    HttpResponse<String> post(ServiceProcess commandService, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(commandService.baseUrl() + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code count} incidents as an NDJSON file of our own format, one line each. */
    String incidentsNdjson(String prefix, int count) throws Exception {
        var ndjson = new StringBuilder();
        for (int n = 0; n < count; n++) {
            ndjson.append("{\"incident\": ")
                    .append(json.readTree(incident(prefix + n, n)).toString())
                    .append("}\n");
        }
        return ndjson.toString();
    }

    /** Imports an NDJSON file of our own format and waits for the job's end; @return the job's counts. */
    JsonNode importNdjson(String ndjson, Duration timeout) throws Exception {
        String status = startImport(ndjson);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = importJob(status);
            if (job.hasNonNull("finishedAt")) {
                if (!"SUCCEEDED".equals(job.get("state").asText())) {
                    throw new IllegalStateException("the import did not succeed: " + job);
                }
                return job.get("counts");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the import did not end within " + timeout);
    }

    /** Uploads an NDJSON file of our own format into the crisis; @return the path of its job's status. */
    String startImport(String ndjson) throws Exception {
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(
                                commandService().baseUrl() + "/api/v1/imports?format=ndjson&crisis=" + crisis))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("the import was refused: " + accepted.body());
        }
        return json.readTree(accepted.body()).get("status").asText();
    }

    /** The job's state and counts, as the command service reports them now. */
    JsonNode importJob(String status) throws Exception {
        return json.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(commandService().baseUrl() + status))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    /** The crisis' timeline, every page, as incident ids in their order. */
    List<String> timeline(ServiceProcess queryService) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/timelines/crises/" + crisis + "?limit=500"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, "UTF-8"));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(queryService.baseUrl() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode page = json.readTree(response.body());
            page.get("items").forEach(item -> ids.add(item.get("incidentId").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    /** Each aggregate's stored sequence numbers, read from the event store's table. */
    Map<String, List<Long>> storedEvents() throws SQLException {
        Map<String, List<Long>> events = new HashMap<>();
        try (Connection connection = commandDatabase();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT aggregate_identifier, sequence_number FROM domain_event_entry"
                        + " ORDER BY aggregate_identifier, sequence_number")) {
            while (rows.next()) {
                events.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                        .add(rows.getLong(2));
            }
        }
        return events;
    }

    Reconciliation reconcile(ServiceProcess queryService) throws Exception {
        return new ReconciliationSource(
                        URI.create(commandService().baseUrl()), URI.create(queryService.baseUrl()), TOKEN)
                .read();
    }

    /**
     * Reconciles until every aggregate is applied up to its stored head.
     *
     * @return how long it took
     */
    Duration awaitInStep(ServiceProcess queryService, Duration timeout) throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        Reconciliation last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = reconcile(queryService);
                if (last.inStep() || last.faulty()) {
                    break;
                }
            } catch (java.io.IOException notAnswering) {
                // a service still starting
            }
            Thread.sleep(250);
        }
        if (last == null || !last.inStep()) {
            throw new AssertionError("not in step within " + timeout + ": "
                    + (last == null
                            ? "no answer"
                            : last.summary() + " "
                                    + last.behind().stream().limit(5).toList() + last.ahead() + last.unknown()));
        }
        return Duration.between(start, Instant.now());
    }

    static void expectCreated(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess queryService : queryServices) {
            queryService.close();
        }
        for (ServiceProcess commandService : commandServices) {
            commandService.close();
        }
        broker.close();
        postgres.close();
    }

    private static Map<String, String> with(Map<String, String> shared, Map<String, String> more) {
        var environment = new HashMap<>(shared);
        environment.putAll(more);
        return environment;
    }
}
