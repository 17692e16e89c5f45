package org.crisistimeline.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

/** Reads are public unless configured otherwise; operations need an admin. */
class QuerySecurityIT {

    static ResponseEntity<String> get(TestRestTemplate http, String path, String token) {
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = RealInfrastructure.class)
    class ByDefault {

        @Autowired
        TestRestTemplate http;

        @Test
        void timelinesAndIncidentsArePublic() {
            assertThat(get(http, "/api/v1/timelines/countries/GB", null).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        @Test
        void deadLettersNeedAnAdmin() {
            ResponseEntity<String> anonymous = get(http, "/api/v1/admin/dead-letters", null);
            assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(get(http, "/api/v1/admin/dead-letters", TestTokens.token("ed", "editor"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(get(http, "/api/v1/admin/dead-letters", TestTokens.token("boss", "admin"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        @Test
        void aForgedAdminTokenIsRefused() {
            assertThat(get(http, "/api/v1/admin/dead-letters", TestTokens.forged("boss", "admin"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void anAdminTokenThatNeverExpiresIsRefused() {
            String forever = TestTokens.token("boss", List.of("admin"), claims -> claims.expirationTime(null));

            assertThat(get(http, "/api/v1/admin/dead-letters", forever).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void rolesOfTheWrongShapeAreRefusedAsAToken() {
            String nested =
                    TestTokens.token("boss", List.of(), claims -> claims.claim("roles", List.of(List.of("admin"))));

            ResponseEntity<String> response = get(http, "/api/v1/admin/dead-letters", nested);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        void operationsOtherThanHealthAndMetricsNeedAnAdmin() {
            assertThat(get(http, "/actuator/health", null).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get(http, "/actuator/info", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "crisis-timeline.security.reads-require-role=true")
    @ContextConfiguration(initializers = RealInfrastructure.class)
    class WhenReadsRequireARole {

        @Autowired
        TestRestTemplate http;

        @Test
        void aReadWithoutATokenIsRefusedAndAReaderMayRead() {
            assertThat(get(http, "/api/v1/timelines/countries/GB", null).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(get(http, "/api/v1/timelines/countries/GB", TestTokens.token("r", "reader"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(get(http, "/api/v1/timelines/countries/GB", TestTokens.token("e", "editor"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        @Test
        void thePageLoadsWithoutATokenAndAsksForOneWhenItReads() {
            ResponseEntity<String> page = http.getForEntity("/", String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("<script defer src=\"page.js\">");
            assertThat(http.getForEntity("/page.js", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/page.css", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(get(http, "/api/v1/scopes", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }
}
