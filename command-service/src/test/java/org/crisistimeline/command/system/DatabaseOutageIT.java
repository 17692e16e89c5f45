package org.crisistimeline.command.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.crisistimeline.testsupport.StoppablePostgres;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event store stopped and started again under a running service: while it is down a write is refused fast with 503
 * and Retry-After and readiness is DOWN; once it is back, readiness is UP and writes are stored again, without a
 * restart of the service. The database is this test's own, so the other tests' server is never stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageIT {

    private static final StoppablePostgres postgres = new StoppablePostgres();
    private static final String EDITOR = TestTokens.token("outage-tester", "editor");
    private static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", postgres::jdbcUrl);
        properties.add("spring.datasource.username", postgres::username);
        properties.add("spring.datasource.password", postgres::password);
        properties.add(
                "spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
        properties.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> TestTokens.publicKeyFile().toUri().toString());
    }

    @AfterAll
    static void stopDatabase() {
        postgres.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOutageIsRefusedFastAndTheServiceRecoversByItself() throws Exception {
        assertThat(registerActor(uniqueId()).statusCode()).isEqualTo(201);
        assertThat(readiness().statusCode()).isEqualTo(200);

        postgres.stop();
        String refusedId = uniqueId();
        HttpResponse<String> refused;
        HttpResponse<String> notReady;
        Duration refusal;
        Duration readinessAnswer;
        try {
            long start = System.nanoTime();
            refused = registerActor(refusedId);
            refusal = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            notReady = readiness();
            readinessAnswer = Duration.ofNanos(System.nanoTime() - start);
        } finally {
            postgres.start();
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        // a 1 s connection timeout, with room for a busy machine: today's 30 s wait is what this catches
        assertThat(refusal).isLessThan(Duration.ofSeconds(4));
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("DOWN");
        assertThat(readinessAnswer).isLessThan(Duration.ofSeconds(3));

        await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);
        String afterId = uniqueId();
        assertThat(registerActor(afterId).statusCode()).isEqualTo(201);
        assertThat(storedEvents(afterId)).isOne();
        assertThat(storedEvents(refusedId)).isZero();
    }

    private HttpResponse<String> registerActor(String id) throws Exception {
        String body = """
                {"id": "%s", "name": "Outage %s", "kind": "STATE", "country": "US"}""".formatted(id, id);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/actors"))
                        .header("Authorization", "Bearer " + EDITOR)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> readiness() throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int storedEvents(String id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id);
    }

    private static String uniqueId() {
        return "outage-" + UUID.randomUUID();
    }
}
