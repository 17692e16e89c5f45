package org.crisistimeline.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * infra/docker-compose.cluster.yml, which cannot be started here (no Docker): read as Compose reads it (YAML with its
 * anchors and merge keys) and checked for what the cluster promises — three brokers in one quorum, three copies of every
 * topic with two in sync, two instances of each service on one database, and a load balancer that sends to both.
 */
class ClusterComposeTest {

    private static final Path INFRA = Path.of("..");
    private static final Map<String, Map<String, Object>> SERVICES = services();
    private static final String COMMAND_IMAGE = "crisis-timeline/command-service:local";
    private static final String QUERY_IMAGE = "crisis-timeline/query-service:local";

    @Test
    void threeBrokersFormOneKraftQuorum() {
        Map<String, Map<String, String>> brokers = brokers();
        assertThat(brokers).hasSize(3);

        String voters = brokers.entrySet().stream()
                .map(b -> b.getValue().get("KAFKA_NODE_ID") + "@" + b.getKey() + ":9093")
                .sorted()
                .collect(Collectors.joining(","));
        assertThat(brokers.values()).extracting(env -> env.get("KAFKA_NODE_ID")).doesNotHaveDuplicates();
        assertThat(brokers.values()).allSatisfy(env -> {
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo(voters);
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("CLUSTER_ID"))
                    .isEqualTo(brokers.values().iterator().next().get("CLUSTER_ID"));
        });
        brokers.forEach((name, env) -> assertThat(env.get("KAFKA_ADVERTISED_LISTENERS"))
                .as("%s is reached by its own name", name)
                .contains("INTERNAL://" + name + ":29092"));
    }

    @Test
    void everyTopicHasThreeCopiesAndAWriteNeedsTwoInSync() {
        assertThat(brokers().values())
                .allSatisfy(env -> assertThat(env)
                        .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                        .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                        .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                        .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false"));

        String allBrokers = brokers().keySet().stream().map(b -> b + ":29092").collect(Collectors.joining(","));
        Map<String, Map<String, String>> instances = new LinkedHashMap<>(instancesOf(COMMAND_IMAGE));
        instances.putAll(instancesOf(QUERY_IMAGE));
        // the services create the topics with these settings (docs/events.md)
        assertThat(instances.values())
                .allSatisfy(env -> assertThat(env)
                        .containsEntry("TOPIC_REPLICATION_FACTOR", "3")
                        .containsEntry("TOPIC_MIN_INSYNC_REPLICAS", "2")
                        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", allBrokers));
    }

    @Test
    void eachServiceRunsTwiceOnOneDatabase() {
        Map<String, Map<String, String>> commands = instancesOf(COMMAND_IMAGE);
        Map<String, Map<String, String>> queries = instancesOf(QUERY_IMAGE);
        assertThat(commands).hasSize(2);
        assertThat(queries).hasSize(2);

        // one event store, and one key for checkpoints: one instance verifies what the other signed
        assertThat(distinct(commands, "POSTGRES_URL"))
                .containsExactly("jdbc:postgresql://postgres:5432/timeline_events");
        assertThat(distinct(commands, "AUDIT_SIGNING_KEY")).hasSize(1).doesNotContainNull();
        // one read model, one consumer group: the partitions are shared, not read twice
        assertThat(distinct(queries, "POSTGRES_URL")).containsExactly("jdbc:postgresql://postgres:5432/timeline_query");
        assertThat(distinct(queries, "KAFKA_CONSUMER_GROUP")).hasSize(1).doesNotContainNull();
        // every instance trusts the same token key
        assertThat(distinct(commands, "JWT_PUBLIC_KEY")).isEqualTo(distinct(queries, "JWT_PUBLIC_KEY"));
        // only the load balancer is reached from the host
        commands.keySet().forEach(name -> assertThat(SERVICES.get(name)).doesNotContainKey("ports"));
        queries.keySet().forEach(name -> assertThat(SERVICES.get(name)).doesNotContainKey("ports"));
    }

    @Test
    void theLoadBalancerSendsToBothInstancesOnlyWhileTheyAreReady() throws IOException {
        Map<String, Object> balancer = SERVICES.get("load-balancer");
        assertThat(balancer.get("ports")).asList().containsExactlyInAnyOrder("8081:8081", "8082:8082");
        HaproxyConfig haproxy = HaproxyConfig.read(INFRA.resolve("docker/haproxy.cfg"));

        for (String image : List.of(COMMAND_IMAGE, QUERY_IMAGE)) {
            Map<String, Map<String, String>> instances = instancesOf(image);
            String port = distinct(instances, "SERVER_PORT").iterator().next();
            String backend = haproxy.backendBoundTo(port);
            Set<String> expected = instances.keySet().stream()
                    .map(name -> name + ":" + port)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(haproxy.servers(backend)).as(backend).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(haproxy.lines(backend)).as(backend).contains("option httpchk GET /actuator/health/readiness");
        }
        assertThat(haproxy.lines("defaults")).anyMatch(line -> line.startsWith("default-server check"));
    }

    @Test
    void hostPortsAreEachPublishedOnce() {
        List<String> published = new ArrayList<>();
        SERVICES.values().forEach(service -> {
            if (service.get("ports") instanceof List<?> ports) {
                ports.forEach(port -> published.add(String.valueOf(port).split(":")[0]));
            }
        });
        assertThat(published).doesNotHaveDuplicates().contains("8081", "8082", "5432");
    }

    private static Map<String, Map<String, String>> brokers() {
        Map<String, Map<String, String>> brokers = new LinkedHashMap<>();
        SERVICES.forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith("apache/kafka:")) {
                brokers.put(name, environment(service));
            }
        });
        return brokers;
    }

    private static Map<String, Map<String, String>> instancesOf(String image) {
        Map<String, Map<String, String>> instances = new LinkedHashMap<>();
        SERVICES.forEach((name, service) -> {
            if (image.equals(service.get("image"))) {
                instances.put(name, environment(service));
            }
        });
        return instances;
    }

    private static Set<String> distinct(Map<String, Map<String, String>> instances, String variable) {
        Set<String> values = new java.util.HashSet<>();
        instances.values().forEach(env -> values.add(env.get(variable)));
        return values;
    }

    /** Compose takes numbers and booleans in {@code environment} as their text. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new HashMap<>();
        ((Map<?, ?>) service.get("environment")).forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try {
            Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(INFRA.resolve("docker-compose.cluster.yml")));
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The sections of haproxy.cfg: a keyword line at the margin, then its indented lines. */
    record HaproxyConfig(Map<String, List<String>> sections) {

        static HaproxyConfig read(Path file) throws IOException {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (!Character.isWhitespace(line.charAt(0))) {
                    current = new ArrayList<>();
                    sections.put(line.strip(), current);
                } else if (current != null) {
                    current.add(line.strip().replaceAll("\\s+", " "));
                }
            }
            return new HaproxyConfig(sections);
        }

        List<String> lines(String section) {
            assertThat(sections).containsKey(section);
            return sections.get(section);
        }

        /** The backend of the frontend that binds the port. */
        String backendBoundTo(String port) {
            return sections.entrySet().stream()
                    .filter(s ->
                            s.getKey().startsWith("frontend ") && s.getValue().contains("bind :" + port))
                    .flatMap(s -> s.getValue().stream())
                    .filter(line -> line.startsWith("default_backend "))
                    .map(line -> "backend " + line.substring("default_backend ".length()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no frontend binds :" + port));
        }

        /** The addresses of a backend's servers. */
        List<String> servers(String backend) {
            return lines(backend).stream()
                    .filter(line -> line.startsWith("server "))
                    .map(line -> line.split(" ")[2])
                    .toList();
        }
    }
}
