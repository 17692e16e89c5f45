package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crisistimeline.query.Api;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

// tests export no metrics unless asked to: this one checks what Prometheus scrapes
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ManagementIT {

    @Autowired
    private TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void healthAndMetricsAreOpenInfoNeedsAnAdminAndNothingElseIsExposed() {
        Api.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(api.get("/actuator/info").status()).isEqualTo(401);

        var admin = new HttpHeaders();
        admin.setBearerAuth(TestTokens.token("boss", "admin"));
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(rest.exchange(hidden, HttpMethod.GET, new HttpEntity<>(admin), String.class)
                            .getStatusCode()
                            .value())
                    .as(hidden)
                    .isEqualTo(404);
        }
    }

    @Test
    void prometheusShowsOurMetersAndKafkas() {
        ResponseEntity<String> scrape = rest.getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody())
                .contains("crisis_timeline_dead_letters_open ")
                .contains("crisis_timeline_projection_lag_seconds ")
                .contains("kafka_consumer_fetch_manager_records_lag_max")
                .contains("hikaricp_connections_active");
    }

    @Test
    void healthShowsItsComponentsToAdminsOnly() {
        Api.Response anonymous = api.get("/actuator/health");
        var admin = new HttpHeaders();
        admin.setBearerAuth(TestTokens.token("boss", "admin"));
        ResponseEntity<String> forAdmin =
                rest.exchange("/actuator/health/readiness", HttpMethod.GET, new HttpEntity<>(admin), String.class);

        assertThat(anonymous.body().has("components")).isFalse();
        assertThat(forAdmin.getBody()).contains("\"db\"", "\"readinessState\"");
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
