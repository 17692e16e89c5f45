package org.crisistimeline.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

/**
 * The broker in health, against the real broker of the tests and against an address where no broker listens: shown to
 * admins in {@code /actuator/health}, never a reason to take the service out of the load balancer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class BrokerHealthIT {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private HealthContributorRegistry contributors;

    @Test
    void healthShowsAdminsTheBrokerAndItsCluster() throws Exception {
        ResponseEntity<String> health = asAdmin("/actuator/health");

        JsonNode kafka = json.readTree(health.getBody()).path("components").path("kafka");
        assertThat(kafka.path("status").asText()).isEqualTo("UP");
        assertThat(kafka.path("details").path("clusterId").asText()).isNotBlank();
        assertThat(kafka.path("details").path("brokers").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void brokerOutOfReachIsDownInHealthWhileReadinessStaysUp() throws Exception {
        BrokerHealth unreachable = new BrokerHealth(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere()));
        HealthContributor real = contributors.unregisterContributor("kafka");
        assertThat(real).as("the service's own kafka component").isInstanceOf(BrokerHealth.class);
        contributors.registerContributor("kafka", unreachable);
        try {
            ResponseEntity<String> health = asAdmin("/actuator/health");
            ResponseEntity<String> readiness = asAdmin("/actuator/health/readiness");

            assertThat(health.getStatusCode().value()).isEqualTo(503);
            JsonNode kafka = json.readTree(health.getBody()).path("components").path("kafka");
            assertThat(kafka.path("status").asText()).isEqualTo("DOWN");
            assertThat(kafka.path("details").path("error").asText()).contains("TimeoutException");
            assertThat(kafka.path("details").path("bootstrapServers").asText()).startsWith("127.0.0.1:");
            assertThat(readiness.getStatusCode().value()).isEqualTo(200);
            assertThat(json.readTree(readiness.getBody()).path("status").asText())
                    .isEqualTo("UP");
            assertThat(json.readTree(readiness.getBody()).path("components").has("kafka"))
                    .isFalse();
        } finally {
            contributors.unregisterContributor("kafka");
            contributors.registerContributor("kafka", real);
            unreachable.close();
        }
    }

    @Test
    void anUnreachableBrokerIsToldWithinAboutASecondAndThenRemembered() throws Exception {
        BrokerHealth health = new BrokerHealth(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere()));
        try {
            long started = System.nanoTime();
            Health down = health.health();
            Duration asked = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            Health again = health.health();
            Duration remembered = Duration.ofNanos(System.nanoTime() - started);

            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(asked).isLessThan(BrokerHealth.TIMEOUT.plusSeconds(2));
            assertThat(again).isSameAs(down);
            assertThat(remembered).isLessThan(Duration.ofMillis(100));
        } finally {
            health.close();
        }
    }

    private ResponseEntity<String> asAdmin(String path) {
        var admin = new HttpHeaders();
        admin.setBearerAuth(TestTokens.token("boss", "admin"));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(admin), String.class);
    }

    /** An address on loopback where nothing listens: the port of a socket opened and closed again. */
    private static String nowhere() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }
}
