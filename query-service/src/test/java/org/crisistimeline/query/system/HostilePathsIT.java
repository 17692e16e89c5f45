package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.crisistimeline.testsupport.RawHttp;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Paths refused before any controller sees them, by Tomcat (an encoded slash, backslash or NUL, bytes that are not
 * UTF-8, a request line too long) or by Spring Security's firewall ({@code ..}, {@code ;}, an encoded dot): each is
 * answered with Problem Details like any other refusal, and the path is not echoed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class HostilePathsIT {

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/api/v1/incidents/a%2Fb",
                "/api/v1/incidents/a%00b",
                "/api/v1/incidents/%C3%28",
                "/api/v1/incidents/%FF",
                "/api/v1/incidents/../actuator/env",
                "/api/v1/incidents/a;b=c",
                "/api/v1/incidents/%2e%2e/x",
                "/api/v1/incidents/a%5Cb",
            })
    void aPathRefusedBeforeTheControllersIsProblemDetails(String path) {
        RawHttp.Answer answer = RawHttp.get(port, path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":400").doesNotContain(path);
    }

    @ParameterizedTest(name = "an id of {0} characters")
    @ValueSource(ints = {10_000, 70_000})
    void anIdTooLongForTheRequestLineIsProblemDetails(int length) {
        RawHttp.Answer answer = RawHttp.get(port, "/api/v1/incidents/" + "a".repeat(length));

        assertThat(answer.status()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }
}
