package org.crisistimeline.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.crisistimeline.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Requests to the query API, answered as status, content type and JSON. */
public final class Api {

    private static final String ADMIN = TestTokens.token("test-admin", "admin");

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** Reads are public; the admin endpoints are called with an admin's token. */
    public Response get(String path) {
        return response(path, rest.exchange(path, HttpMethod.GET, asAdminIfNeeded(path), String.class));
    }

    /** A POST without a body, as the admin actions take. */
    public Response post(String path) {
        return response(path, rest.exchange(path, HttpMethod.POST, asAdminIfNeeded(path), String.class));
    }

    private static HttpEntity<Void> asAdminIfNeeded(String path) {
        var headers = new HttpHeaders();
        if (path.startsWith("/api/v1/admin/")) {
            headers.setBearerAuth(ADMIN);
        }
        return new HttpEntity<>(headers);
    }

    private Response response(String path, ResponseEntity<String> response) {
        try {
            return new Response(
                    response.getStatusCode().value(),
                    response.getHeaders().getContentType(),
                    response.getBody() == null ? null : json.readTree(response.getBody()));
        } catch (JsonProcessingException e) {
            throw new AssertionError(path + " answered no JSON: " + response.getBody(), e);
        }
    }

    /** A GET answered as it came, for bodies that are not JSON or must be compared byte for byte. */
    public Raw raw(String path) {
        ResponseEntity<byte[]> response = rest.getForEntity(path, byte[].class);
        return new Raw(
                response.getStatusCode().value(),
                response.getHeaders(),
                response.getBody() == null ? "" : new String(response.getBody(), StandardCharsets.UTF_8));
    }

    public record Raw(int status, HttpHeaders headers, String body) {}

    /** The incident ids of a timeline page, in the order given. */
    public List<String> incidentIds(String path) {
        Response page = get(path);
        if (page.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.status() + ": " + page.body());
        }
        return page.incidentIds();
    }

    public record Response(int status, MediaType contentType, JsonNode body) {

        public List<String> incidentIds() {
            List<String> ids = new ArrayList<>();
            body.get("items").forEach(item -> ids.add(item.get("incidentId").asText()));
            return ids;
        }

        /** The fields named under {@code errors} of a Problem Details body. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            body.get("errors").forEach(error -> fields.add(error.get("field").asText()));
            return fields;
        }
    }
}
