package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.crisistimeline.query.Api;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

/** Bad input is answered with 400 Problem Details that name each parameter at fault, never with a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ProblemDetailsIT {

    @Autowired
    private TestRestTemplate rest;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void countryMustBeAnIsoCode() {
        assertInvalid("/api/v1/timelines/countries/XX", "code");
        assertInvalid("/api/v1/timelines/countries/GBR", "code");
        assertThat(api.get("/api/v1/timelines/countries/XX")
                        .body()
                        .at("/errors/0/message")
                        .asText())
                .isEqualTo("must be an ISO 3166-1 alpha-2 country code such as GB or IQ");
    }

    @Test
    void countryCodeInLowerCaseIsAccepted() {
        Api.Response response = api.get("/api/v1/timelines/countries/gb?from=1900-01-01&to=1900-01-02");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("scope").asText()).isEqualTo("country");
        assertThat(response.body().get("key").asText()).isEqualTo("GB");
        assertThat(response.body().get("items")).isEmpty();
    }

    @Test
    void timelineOfAnUnknownActorOrCrisisIsNotFound() {
        Api.Response actor = api.get("/api/v1/timelines/actors/nobody-ever");

        assertThat(actor.status()).isEqualTo(404);
        assertThat(actor.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.get("/api/v1/timelines/crises/no-such-crisis?from=2020-01-01")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/timelines/crises/no-such-crisis?format=csv").status())
                .isEqualTo(404);
    }

    @Test
    void limitMustBeFrom1To500() {
        assertInvalid("/api/v1/timelines/crises/c?limit=0", "limit");
        assertInvalid("/api/v1/timelines/crises/c?limit=501", "limit");
        assertInvalid("/api/v1/timelines/crises/c?limit=ten", "limit");
        assertThat(api.get("/api/v1/timelines/countries/GB?limit=500").status()).isEqualTo(200);
    }

    @Test
    void garbledCursorIsRefused() {
        assertInvalid("/api/v1/timelines/crises/c?cursor=not-a-cursor", "cursor");
        assertInvalid("/api/v1/timelines/crises/c?cursor=%25%25%25", "cursor");
    }

    @Test
    void unknownIncidentTypeIsRefused() {
        assertInvalid("/api/v1/timelines/actors/a?type=STRIKE,EARTHQUAKE", "type");
        assertThat(api.get("/api/v1/timelines/actors/a?type=EARTHQUAKE")
                        .body()
                        .at("/errors/0/message")
                        .asText())
                .startsWith("unknown incident type 'EARTHQUAKE'; one of [STRIKE, VOTE,");
    }

    @Test
    void unknownParameterIsRefused() {
        assertInvalid("/api/v1/timelines/crises/c?sort=desc", "sort");
        assertThat(api.get("/api/v1/timelines/crises/c?sort=desc")
                        .body()
                        .at("/errors/0/message")
                        .asText())
                .isEqualTo(
                        "unknown parameter; known parameters: from, to, type, dataset, code, limit, cursor, asOf, knownAt,"
                                + " includeRetracted, format, bom");
    }

    @Test
    void timesMustBeInstantsOrDatesAndFromBeforeTo() {
        assertInvalid("/api/v1/timelines/crises/c?from=yesterday", "from");
        assertInvalid("/api/v1/timelines/crises/c?to=2020-13-01", "to");
        // a date as to includes that day: the 8th is after the 7th, and the 7th to the 7th is one day
        assertInvalid("/api/v1/timelines/crises/c?from=2020-01-08&to=2020-01-07", "from");
        // accepted: the request goes on to find that crisis c is unknown (404), not refused (400)
        assertThat(api.get("/api/v1/timelines/crises/c?from=2020-01-07&to=2020-01-07")
                        .status())
                .isEqualTo(404);
        assertInvalid("/api/v1/timelines/crises/c?from=2020-01-01&from=2020-01-02", "from");
    }

    @Test
    void everyParameterAtFaultIsListed() {
        assertInvalid(
                "/api/v1/timelines/countries/ZZ?limit=0&type=EARTHQUAKE&colour=red", "code", "colour", "type", "limit");
        assertThat(api.get("/api/v1/timelines/countries/ZZ?limit=0")
                        .body()
                        .get("detail")
                        .asText())
                .isEqualTo("2 parameters are invalid");
    }

    @Test
    void unknownPathIsAProblemToo() {
        Api.Response response = api.get("/api/v1/timelines/planets/mars");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType().toString()).isEqualTo("application/problem+json");
    }

    private void assertInvalid(String path, String... fields) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType().toString()).as(path).isEqualTo("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(400);
        assertThat(response.body().get("title").asText()).isEqualTo("Invalid request");
        assertThat(response.body().get("type").asText()).isEqualTo("urn:crisis-timeline:problem:invalid-request");
        assertThat(response.errorFields()).as(path).containsExactly(fields);
        response.body()
                .get("errors")
                .forEach(error -> assertThat(error.get("message").asText()).isNotBlank());
    }
}
