package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.crisistimeline.testsupport.StoppablePostgres;
import org.crisistimeline.testsupport.TestInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The read model's database stopped and started again under a running query service: reads are refused fast with 503
 * and Retry-After and readiness is DOWN while it is away, and both come back by themselves. The database is this
 * test's own, so the other tests' server is never stopped.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=query-outage-test")
@DirtiesContext
class DatabaseOutageIT {

    private static final StoppablePostgres postgres = new StoppablePostgres();

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

    @Autowired
    TestRestTemplate rest;

    @Test
    void readsAreRefusedFastWhileTheDatabaseIsAwayAndAnsweredOnceItIsBack() {
        assertThat(timeline().getStatusCode().value()).isEqualTo(200);

        postgres.stop();
        ResponseEntity<String> refused;
        ResponseEntity<String> notReady;
        Duration refusal;
        try {
            long start = System.nanoTime();
            refused = timeline();
            refusal = Duration.ofNanos(System.nanoTime() - start);
            notReady = rest.getForEntity("/actuator/health/readiness", String.class);
        } finally {
            postgres.start();
        }

        assertThat(refused.getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        // a 1 s connection timeout, with room for a busy machine: Hikari's default wait was 30 s
        assertThat(refusal).isLessThan(Duration.ofSeconds(4));
        assertThat(notReady.getStatusCode().value()).isEqualTo(503);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> rest.getForEntity("/actuator/health/readiness", String.class)
                                .getStatusCode()
                                .value()
                        == 200);
        assertThat(timeline().getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<String> timeline() {
        return rest.getForEntity("/api/v1/timelines/countries/GB", String.class);
    }
}
