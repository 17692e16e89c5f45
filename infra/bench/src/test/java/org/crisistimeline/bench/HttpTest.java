package org.crisistimeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's client against a real server on loopback that answers with what it received. */
class HttpTest {

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.put("method", exchange.getRequestMethod());
            received.put(
                    "content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            received.put(
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            received.put("body", new String(body, StandardCharsets.UTF_8));
            byte[] answer = "{\"title\":\"refused\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(
                    exchange.getRequestURI().getPath().equals("/refuse") ? 422 : 201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aPostCarriesItsJsonAndTokenAndAnyStatusComesBackAsAResponse() throws Exception {
        try (var http = new Http()) {
            Http.Response response = http.send(
                    http.post(base.resolve("/refuse"), "t0ken", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.bodyText()).isEqualTo("{\"title\":\"refused\"}");
            assertThat(Http.success(response)).isFalse();
            assertThat(received)
                    .containsEntry("method", "POST")
                    .containsEntry("authorization", "Bearer t0ken")
                    .containsEntry("body", "{\"id\":\"x\"}");
            assertThat(received.get("content-type")).startsWith("application/json");
        }
    }

    @Test
    void anUploadSendsTheFileAsItIs(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("bulk.ndjson"), List.of("{\"a\":1}", "{\"b\":\"é\"}"));
        try (var http = new Http()) {
            byte[] answer = http.expectSuccess(http.upload(base.resolve("/imports"), "t0ken", file));

            assertThat(answer).isNotEmpty();
            assertThat(received.get("body")).isEqualTo(Files.readString(file));
            assertThat(received.get("content-type")).startsWith("application/octet-stream");
        }
    }

    @Test
    void expectSuccessRefusesAnythingButA2xxWithWhatTheServerSaid() {
        try (var http = new Http()) {
            assertThatThrownBy(() -> http.expectSuccess(http.get(base.resolve("/refuse"), "t0ken")))
                    .hasMessageContaining("GET " + base.resolve("/refuse"))
                    .hasMessageContaining("422")
                    .hasMessageContaining("refused");
            assertThat(received).containsEntry("method", "GET").containsEntry("authorization", "Bearer t0ken");
        }
    }
}
