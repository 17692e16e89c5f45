package org.crisistimeline.query.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

class FieldDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void changedFieldOfANestedObjectIsNamedByItsPath() throws Exception {
        JsonNode before =
                json.readTree("{\"summary\": \"s\", \"details\": {\"crowdEstimate\": 1000, \"demands\": \"d\"}}");
        JsonNode after =
                json.readTree("{\"summary\": \"s\", \"details\": {\"crowdEstimate\": 50000, \"demands\": \"d\"}}");

        assertThat(FieldDiff.between(before, after))
                .containsExactly(
                        new FieldChange("details.crowdEstimate", json.readTree("1000"), json.readTree("50000")));
    }

    @Test
    void fieldSetOrClearedChangesFromOrToNull() throws Exception {
        JsonNode before = json.readTree("{\"details\": {\"killed\": 3}}");
        JsonNode after = json.readTree("{\"details\": {\"injured\": 7}}");

        assertThat(FieldDiff.between(before, after))
                .containsExactly(
                        new FieldChange("details.killed", json.readTree("3"), NullNode.getInstance()),
                        new FieldChange("details.injured", NullNode.getInstance(), json.readTree("7")));
    }

    @Test
    void elementAddedToAListIsNamedByItsIndex() throws Exception {
        JsonNode before = json.readTree("{\"sources\": [{\"url\": \"a\"}]}");
        JsonNode after = json.readTree("{\"sources\": [{\"url\": \"a\"}, {\"url\": \"b\"}]}");

        assertThat(FieldDiff.between(before, after))
                .containsExactly(
                        new FieldChange("sources[1]", NullNode.getInstance(), json.readTree("{\"url\": \"b\"}")));
    }

    @Test
    void objectThatAppearsIsOneChangeAndAnAbsentListCountsAsEmpty() throws Exception {
        JsonNode after =
                json.readTree("{\"location\": {\"country\": \"IQ\"}, \"links\": [{\"relation\": \"SAME_AS\"}]}");

        assertThat(FieldDiff.between(json.createObjectNode(), after))
                .containsExactly(
                        new FieldChange("location", NullNode.getInstance(), json.readTree("{\"country\": \"IQ\"}")),
                        new FieldChange(
                                "links[0]", NullNode.getInstance(), json.readTree("{\"relation\": \"SAME_AS\"}")));
    }

    @Test
    void equalDocumentsHaveNoChangesWhateverTheirFieldOrder() throws Exception {
        assertThat(FieldDiff.between(
                        json.readTree("{\"a\": 1, \"b\": [1, 2]}"), json.readTree("{\"b\": [1, 2], \"a\": 1}")))
                .isEmpty();
    }
}
