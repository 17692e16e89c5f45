package org.crisistimeline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A refusal of the service, RFC 9457 Problem Details, as one line for a person. */
final class Problems {

    private Problems() {}

    static String describe(ObjectMapper json, String body) {
        try {
            JsonNode problem = json.readTree(body);
            StringBuilder line = new StringBuilder(
                    problem.path("detail").asText(problem.path("title").asText(body)));
            for (JsonNode error : problem.path("errors")) {
                line.append("; ")
                        .append(error.path("field").asText())
                        .append(": ")
                        .append(error.path("message").asText());
            }
            return line.toString();
        } catch (IOException e) {
            return body;
        }
    }
}
