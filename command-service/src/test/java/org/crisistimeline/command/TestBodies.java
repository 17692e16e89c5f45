package org.crisistimeline.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies of the write API that the integration tests share: a crisis, two actors and a drone strike. */
public final class TestBodies {

    public static final String CRISIS = """
            {"id": "iran-us-2020", "name": "Iran–US crisis", "summary": "After the killing of Qassem Soleimani",
             "countries": ["IR", "IQ", "US", "GB"], "startedOn": "2020-01-03"}""";

    public static final String UNITED_STATES = """
            {"id": "united-states", "name": "United States", "kind": "STATE", "country": "US", "aliases": ["US"]}""";

    public static final String SOLEIMANI = """
            {"id": "qassem-soleimani", "name": "Qassem Soleimani", "kind": "PERSON", "country": "IR",
             "aliases": ["Maj Gen Soleimani"]}""";

    private static final ObjectMapper json = new ObjectMapper();

    private TestBodies() {}

    /** The strike that killed Soleimani, under the given id, naming the crisis and the two actors above. */
    public static ObjectNode droneStrike(String id) {
        try {
            return (ObjectNode) json.readTree("""
                    {"id": "%s", "crisisId": "iran-us-2020", "type": "STRIKE",
                     "occurredAt": "2020-01-02T22:00:00Z", "occurredPrecision": "HOUR",
                     "location": {"country": "IQ", "place": "Baghdad International Airport", "lat": 33.2625, "lon": 44.2346},
                     "actors": [{"actorId": "united-states", "role": "INITIATOR"},
                                {"actorId": "qassem-soleimani", "role": "VICTIM"}],
                     "summary": "A US drone strike kills Qassem Soleimani as he leaves Baghdad airport.",
                     "details": {"method": "DRONE", "target": "convoy leaving the airport",
                                 "casualties": {"killed": {"low": 10, "best": 10, "high": 10}}},
                     "sources": [{"publisher": "Sky News", "url": "https://news.sky.com/story/uk-pulls-staff",
                                  "publishedAt": "2020-01-07T06:00:00Z", "excerpt": "killing of a top Iranian general"}],
                     "confidence": "HIGH"}""".formatted(id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
