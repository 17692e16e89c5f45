package org.crisistimeline.events.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.ActorRole;
import org.crisistimeline.events.incident.Confidence;
import org.crisistimeline.events.incident.IncidentActor;
import org.crisistimeline.events.incident.IncidentRecorded;
import org.crisistimeline.events.incident.IncidentType;
import org.crisistimeline.events.incident.Location;
import org.crisistimeline.events.incident.Precision;
import org.crisistimeline.events.incident.Source;
import org.crisistimeline.events.incident.details.StrikeDetails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON form of an event both ways, with the one mapper the event store, the topic and every reader use: the command
 * service writes an incident once to store it and once to publish it, the query service reads it once per record.
 * Run by infra/bench/jmh.sh, never by the tests.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EventJsonBenchmark {

    private final ObjectMapper json = EventJson.newMapper();
    private IncidentRecorded incident;
    private byte[] incidentJson;

    @Setup
    public void writeOnce() throws IOException {
        incident = missileAttack();
        incidentJson = json.writeValueAsBytes(incident);
        if (!incident.equals(json.readValue(incidentJson, IncidentRecorded.class))) {
            throw new IllegalStateException("the incident does not read back the same: " + incident);
        }
    }

    @Benchmark
    public byte[] writeIncidentRecorded() throws IOException {
        return json.writeValueAsBytes(incident);
    }

    @Benchmark
    public IncidentRecorded readIncidentRecorded() throws IOException {
        return json.readValue(incidentJson, IncidentRecorded.class);
    }

    /** The README's example incident: two actors, two sources, a strike with casualties (about 1 kB of JSON). */
    static IncidentRecorded missileAttack() {
        return new IncidentRecorded(
                "missile-attack-ain-al-asad-2020-01-08",
                "iran-us-2020",
                IncidentType.STRIKE,
                Instant.parse("2020-01-07T22:30:00Z"),
                Precision.HOUR,
                new Location("IQ", "Ain al-Asad air base", 33.7856, 42.4412),
                List.of(
                        new IncidentActor("iran", ActorRole.INITIATOR),
                        new IncidentActor("united-states", ActorRole.TARGET)),
                "Iran fires ballistic missiles at Ain al-Asad air base, which hosts US troops.",
                new StrikeDetails(
                        StrikeDetails.Method.MISSILE,
                        "Ain al-Asad air base",
                        new StrikeDetails.Casualties(
                                StrikeDetails.Estimate.exactly(0), new StrikeDetails.Estimate(0, 11, 110))),
                List.of(
                        new Source(
                                "Example Wire",
                                "https://example.org/ain-al-asad",
                                Instant.parse("2020-01-08T00:10:00Z"),
                                null),
                        new Source(
                                "Sky News",
                                "https://news.sky.com/story/iran-fires-missiles-at-us-bases-in-iraq",
                                Instant.parse("2020-01-08T01:45:00Z"),
                                "Iran has fired more than a dozen ballistic missiles at two bases in Iraq that house"
                                        + " US troops, the Pentagon said.")),
                Confidence.MEDIUM);
    }
}
