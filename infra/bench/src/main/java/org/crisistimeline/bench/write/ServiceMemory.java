package org.crisistimeline.bench.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.crisistimeline.bench.Http;

/**
 * The most heap and resident memory a service used while sampled: heap from its own metrics endpoint (the JVM's view,
 * live objects and garbage not yet collected), RSS from /proc (what the machine gives it: heap, metaspace, threads,
 * code cache, buffers).
 */
final class ServiceMemory {

    private final String name;
    private final URI heapMetric;
    private final Path status;
    private final Http http;
    private final ObjectMapper json = new ObjectMapper();
    private long maxHeap;
    private long maxRss;

    ServiceMemory(String name, URI serviceUrl, long pid, Http http) {
        this.name = name;
        this.heapMetric = serviceUrl.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap");
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.http = http;
    }

    void sample() throws IOException, InterruptedException {
        JsonNode metric = json.readTree(http.expectSuccess(http.get(heapMetric)));
        maxHeap = Math.max(
                maxHeap, metric.path("measurements").path(0).path("value").asLong());
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                maxRss = Math.max(maxRss, Long.parseLong(line.replaceAll("\\D", "")) * 1024);
            }
        }
    }

    String name() {
        return name;
    }

    long maxHeap() {
        return maxHeap;
    }

    long maxRss() {
        return maxRss;
    }
}
