package org.crisistimeline.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a service's checked-in OpenAPI description ({@code docs/api/<service>.json}) in step with what it serves at
 * {@code /v3/api-docs}: a test fails while they differ, and {@code -Dapi-docs.update=true} writes the served one.
 */
public final class ApiDescription {

    private static final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ApiDescription() {}

    public static void assertCheckedIn(int port, String fileName) {
        JsonNode served = served(port);
        Path file = Path.of("..", "docs", "api", fileName);
        try {
            if (Boolean.getBoolean("api-docs.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, json.writeValueAsString(served) + "\n");
                return;
            }
            if (!Files.exists(file) || !json.readTree(file.toFile()).equals(served)) {
                throw new AssertionError(file.normalize() + " differs from what /v3/api-docs serves; regenerate it with"
                        + " -Dapi-docs.update=true and commit it with the change of the API");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode served(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/v3/api-docs answered " + response.statusCode());
            }
            ObjectNode description = (ObjectNode) json.readTree(response.body());
            description.remove("servers"); // names the test's random port
            return description;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
