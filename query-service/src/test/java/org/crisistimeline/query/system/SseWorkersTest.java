package org.crisistimeline.query.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class SseWorkersTest {

    private final SseWorkers workers = new SseWorkers("stream", 10, 2);
    private final CountDownLatch streamsEnd = new CountDownLatch(1);
    private final Consumer<BooleanSupplier> stream = open -> {
        try {
            streamsEnd.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @AfterEach
    void close() {
        workers.close();
    }

    @Test
    void oneClientCannotTakeMoreThanItsShare() {
        workers.start("address 10.0.0.1", new SseEmitter(), stream);
        workers.start("address 10.0.0.1", new SseEmitter(), stream);

        assertThatThrownBy(() -> workers.start("address 10.0.0.1", new SseEmitter(), stream))
                .isInstanceOf(TooManyFromOneClient.class);
        workers.start("address 10.0.0.2", new SseEmitter(), stream);
        assertThat(workers.heldBy("address 10.0.0.1")).isEqualTo(2);
    }

    @Test
    void aClientsShareComesBackWhenItsStreamsEnd() {
        workers.start("principal alice", new SseEmitter(), stream);
        workers.start("principal alice", new SseEmitter(), stream);

        streamsEnd.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> workers.heldBy("principal alice") == 0);
        workers.start("principal alice", new SseEmitter(), stream);
    }
}
