package org.crisistimeline.query.projection;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the Kafka broker answers, as the health component {@code kafka}: in {@code /actuator/health}, not in
 * readiness (application.yml says why). One admin client asks for the cluster's description at most every few seconds
 * and waits a second at most, so that probing health stays cheap and quick while the broker is away.
 */
@Component("kafkaHealthIndicator")
class BrokerHealth implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** A probe every second or two (a load balancer, Prometheus, an operator) asks the broker once per this. */
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final Map<String, Object> config;
    private Admin admin;
    private Health last;
    private long askedAt;

    @Autowired
    BrokerHealth(KafkaAdmin kafka) {
        this(kafka.getConfigurationProperties());
    }

    BrokerHealth(Map<String, Object> kafka) {
        config = new HashMap<>(kafka);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    }

    @Override
    public synchronized Health health() {
        long now = System.nanoTime();
        if (last == null || now - askedAt >= REMEMBERED.toNanos()) {
            last = ask();
            askedAt = System.nanoTime();
        }
        return last;
    }

    private Health ask() {
        try {
            if (admin == null) {
                // made at the first probe, not at start: an address that does not resolve yet is a DOWN, not a crash
                admin = Admin.create(config);
            }
            DescribeClusterResult cluster =
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            // a little longer than the client's own timeout, whose error says more than ours
            long patience = TIMEOUT.toMillis() + 500;
            Collection<Node> brokers = cluster.nodes().get(patience, TimeUnit.MILLISECONDS);
            return Health.up()
                    .withDetail("clusterId", cluster.clusterId().get(patience, TimeUnit.MILLISECONDS))
                    .withDetail("brokers", brokers.size())
                    .build();
        } catch (ExecutionException e) {
            return down(e.getCause().getClass().getName() + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return down(TimeoutException.class.getName() + ": no answer within " + TIMEOUT.toMillis() + " ms");
        } catch (KafkaException e) {
            return down(e.getClass().getName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private Health down(String error) {
        Object servers = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        return Health.down()
                .withDetail(
                        "bootstrapServers",
                        servers instanceof Collection<?> list
                                ? String.join(
                                        ",", list.stream().map(String::valueOf).toList())
                                : String.valueOf(servers))
                .withDetail("error", error)
                .build();
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
