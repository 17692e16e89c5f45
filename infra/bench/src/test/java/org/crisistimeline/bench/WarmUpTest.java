package org.crisistimeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void readsTheCompilerThreadsCpuTimeOfARunningJvm() throws Exception {
        // this JVM's own compilers, busy with work enough to be compiled, against the whole process's CPU time
        double before = WarmUp.compilerSeconds(ProcessHandle.current().pid());
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        Map<Integer, Integer> work = new HashMap<>();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 10_000; i++) {
                work.merge(i % 977, i, Integer::sum);
            }
        }
        double after = WarmUp.compilerSeconds(ProcessHandle.current().pid());
        double process =
                ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e9;

        assertThat(work).isNotEmpty();
        assertThat(after).isPositive().isGreaterThanOrEqualTo(before).isLessThan(process);
    }
}
