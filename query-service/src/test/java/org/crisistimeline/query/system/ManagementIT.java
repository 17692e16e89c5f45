package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crisistimeline.query.Api;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;

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
}
