package org.crisistimeline.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads both sides over HTTP with an admin token: the read model's positions ({@code GET /api/v1/admin/positions} of
 * the query service) first, then the store's heads ({@code GET /api/v1/audit/heads} of the command service).
 */
public final class ReconciliationSource {

    private static final ObjectMapper json = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI commandService;
    private final URI queryService;
    private final String token;

    public ReconciliationSource(URI commandService, URI queryService, String token) {
        this.commandService = commandService;
        this.queryService = queryService;
        this.token = token;
    }

    public Reconciliation read() throws IOException, InterruptedException {
        Map<String, Long> positions = new HashMap<>();
        get(queryService.resolve("/api/v1/admin/positions"))
                .get("positions")
                .forEach(position -> positions.put(
                        position.get("aggregateId").asText(),
                        position.get("sequence").asLong()));
        Map<String, Reconciliation.Head> heads = new HashMap<>();
        get(commandService.resolve("/api/v1/audit/heads"))
                .get("heads")
                .forEach(head -> heads.put(
                        head.get("aggregateId").asText(),
                        new Reconciliation.Head(
                                head.get("sequence").asLong(),
                                head.hasNonNull("hash") ? head.get("hash").asText() : null)));
        return Reconciliation.of(heads, positions);
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
