package org.crisistimeline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker as a process of its own, on Kafka's jars from the test's classpath: unlike the broker of
 * {@code TestInfrastructure}, which lives in the test's JVM, it can be killed with {@code kill -9} and started again on
 * the same port and data, as a broker crash looks to the services.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path directory;
    private final Path log;
    private final int port;
    private Process process;

    private KafkaBroker(Path directory, Path log, int port) {
        this.directory = directory;
        this.log = log;
        this.port = port;
    }

    static KafkaBroker start(String name) throws Exception {
        Path directory = Files.createTempDirectory("kafka-" + name);
        Path log = Path.of("target", name + "-kafka.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        Files.writeString(directory.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=6
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=6
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(
                        controllerPort, port, controllerPort, port, directory.resolve("data")));
        var broker = new KafkaBroker(directory, log, port);
        broker.run(List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        directory.resolve("server.properties").toString()))
                .waitFor(120, TimeUnit.SECONDS);
        broker.restart();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again on the same port and data. */
    void restart() throws Exception {
        process = run(
                List.of("kafka.Kafka", directory.resolve("server.properties").toString()));
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        awaitReady(Duration.ofSeconds(120));
    }

    /** {@code kill -STOP}: the broker holds its connections and answers nothing, as a long GC pause or a hung host. */
    void pause() throws Exception {
        signal("STOP");
    }

    /** {@code kill -CONT} after {@link #pause}. */
    void resume() throws Exception {
        signal("CONT");
    }

    private void signal(String signal) throws Exception {
        // bash's own kill: no procps needed on a minimal machine
        Process kill = new ProcessBuilder("bash", "-c", "kill -" + signal + " " + process.pid())
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** {@code kill -9}: no controlled shutdown, the log's tail as the OS has it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // still starting
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka was not ready within " + timeout + "; see " + log);
                }
                Thread.sleep(500);
            }
        }
    }

    /** A Kafka main class on this JVM's classpath, which holds kafka_2.13 (through spring-kafka-test). */
    private Process run(List<String> mainAndArguments) throws IOException {
        var command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }
}
