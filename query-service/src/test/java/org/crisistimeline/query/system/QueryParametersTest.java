package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+294277-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "0000-12-31"})
    void anInstantBeyondTheYears1To9999IsRefusedByName(String value) {
        var errors = new ArrayList<InvalidParameter>();

        Instant time = QueryParameters.time("asOf", Map.of("asOf", List.of(value)), errors);

        assertThat(time).isNull();
        assertThat(errors).extracting(InvalidParameter::field).containsExactly("asOf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "9999-12-31T23:59:59Z", "2020-01-05T01:00:00+03:00"})
    void anInstantWithinTheYears1To9999IsRead(String value) {
        var errors = new ArrayList<InvalidParameter>();

        assertThat(QueryParameters.time("from", Map.of("from", List.of(value)), errors))
                .isNotNull();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0000", "iran-us\u0000' OR 1=1"})
    void aValueWithANulIsRefusedByName(String value) {
        var errors = new ArrayList<InvalidParameter>();

        assertThat(QueryParameters.single("incident", Map.of("incident", List.of(value)), errors))
                .isNull();
        assertThat(errors).containsExactly(new InvalidParameter("incident", "must not contain a NUL character"));
    }
}
