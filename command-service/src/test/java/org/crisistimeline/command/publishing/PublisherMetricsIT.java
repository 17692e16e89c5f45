package org.crisistimeline.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

/** Prometheus scrapes the store's head, the publisher's position and their gap, and Axon's own meters. */
// tests export no metrics unless asked to: this one checks what Prometheus scrapes
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class PublisherMetricsIT {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aStoredEventIsCountedAndOncePublishedLeavesNoLag() {
        var headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token("metrics-tester", "editor"));
        headers.setContentType(MediaType.APPLICATION_JSON);
        // an event of its own, so that the publisher has something to send in this context whatever ran before
        String id = "metrics-" + UUID.randomUUID();
        String actor = """
                {"id": "%s", "name": "Metrics %s", "kind": "STATE", "country": "US"}""".formatted(id, id);
        assertThat(rest.postForEntity("/api/v1/actors", new HttpEntity<>(actor, headers), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = rest.getForObject("/actuator/prometheus", String.class);
            assertThat(value(scrape, "crisis_timeline_events_stored_total")).isPositive();
            assertThat(value(scrape, "crisis_timeline_events_published_total"))
                    .isEqualTo(value(scrape, "crisis_timeline_events_stored_total"));
            assertThat(value(scrape, "crisis_timeline_publisher_lag_events")).isZero();
            assertThat(scrape)
                    .contains("eventProcessor_latency{processorName=\"kafka-publisher\"}")
                    .contains("commandBus_successCounter_total")
                    .contains("crisis_timeline_import_jobs{state=\"running\"}")
                    .contains("crisis_timeline_import_jobs{state=\"queued\"}");
        });
        var admin = new HttpHeaders();
        admin.setBearerAuth(TestTokens.token("metrics-admin", "admin"));
        assertThat(rest.exchange("/actuator/health", HttpMethod.GET, new HttpEntity<>(admin), String.class)
                        .getBody())
                .contains("\"publisher\":{\"status\":\"UP\"");
    }

    private static double value(String scrape, String meter) {
        Matcher line =
                Pattern.compile("(?m)^" + meter + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(meter + " in\n" + scrape).isTrue();
        return Double.parseDouble(line.group(2));
    }
}
