package org.crisistimeline.events.jmh;

import static org.crisistimeline.events.SampleIncidents.missileAttack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.crisistimeline.events.EventJson;
import org.crisistimeline.events.incident.IncidentRecorded;
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
}
