package org.crisistimeline.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** infra/k8s, read strictly against the Kubernetes API model and checked against the services it deploys. */
class KubernetesManifestsTest {

    /** Surefire runs in the module's directory, infra/deployment. */
    private static final Path REPOSITORY = Path.of("../..");

    /** Read once, on first use: a manifest that does not read fails the tests that need it, not the others. */
    private static List<HasMetadata> objects;

    private static final List<String> SERVICES = List.of("command-service", "query-service");

    @Test
    void everyManifestIsAKnownKindWithOnlyFieldsTheApiHas() {
        // reading them is the check; these are what the deployment is made of
        assertThat(objects())
                .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "ConfigMap/crisis-timeline-config",
                        "Deployment/command-service",
                        "Service/command-service",
                        "PodDisruptionBudget/command-service",
                        "Deployment/query-service",
                        "Service/query-service",
                        "PodDisruptionBudget/query-service");
    }

    @Test
    void aMisspelledFieldIsRefusedWithItsPath() {
        String manifest = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: command-service
                spec:
                  selectr:
                    app: command-service
                """;

        assertThatThrownBy(() -> KubernetesManifests.read("typo.yaml", manifest))
                .hasMessageContaining("typo.yaml document 1")
                .hasMessageContaining("Service.spec.selectr");
    }

    @Test
    void aFieldOfTheWrongTypeOrAnUnknownKindIsRefused() {
        String wrongType = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: command-service
                spec:
                  replicas: two
                """;
        String unknownKind = """
                apiVersion: apps/v1
                kind: Deploymnet
                metadata:
                  name: command-service
                """;

        assertThatThrownBy(() -> KubernetesManifests.read("wrong-type.yaml", wrongType))
                .hasMessageContaining("wrong-type.yaml");
        assertThatThrownBy(() -> KubernetesManifests.read("kind.yaml", unknownKind))
                .hasMessageContaining("no model for apps/v1/Deploymnet");
    }

    @Test
    void eachServiceRunsTwiceWithProbesOnItsHealthGroupsAndBoundedMemory() {
        for (String name : SERVICES) {
            Deployment deployment = one(Deployment.class, name);
            assertThat(deployment.getSpec().getReplicas()).as(name).isEqualTo(2);
            assertThat(deployment
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .as("%s keeps serving during a rollout", name)
                    .isZero();
            Container container = onlyContainer(deployment);
            ContainerPort http = container.getPorts().get(0);
            assertThat(env(container, "SERVER_PORT")).as(name).isEqualTo(String.valueOf(http.getContainerPort()));

            assertThat(path(container.getLivenessProbe(), http)).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getStartupProbe(), http)).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getReadinessProbe(), http)).as(name).isEqualTo("/actuator/health/readiness");

            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            assertThat(requests).as(name).containsKeys("cpu", "memory");
            assertThat(limits.get("memory"))
                    .as("%s: memory limited, and as requested", name)
                    .isEqualTo(requests.get("memory"));
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getSecurityContext()
                            .getRunAsUser())
                    .as("%s runs as the image's user (infra/docker/Dockerfile)", name)
                    .isEqualTo(10001L);
        }
    }

    @Test
    void theProbedHealthGroupsExistInEachService() throws IOException {
        for (String name : SERVICES) {
            Map<String, Object> config = yaml(REPOSITORY.resolve(name + "/src/main/resources/application.yml"));
            Map<String, Object> health = map(map(map(config, "management"), "endpoint"), "health");
            assertThat(map(health, "probes")).as(name).containsEntry("enabled", true);
            assertThat(map(health, "group")).as(name).containsKeys("liveness", "readiness");
        }
    }

    @Test
    void servicesAndDisruptionBudgetsSelectTheirDeploymentsPods() {
        for (String name : SERVICES) {
            Deployment deployment = one(Deployment.class, name);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

            Service service = one(Service.class, name);
            assertThat(podLabels)
                    .as(name)
                    .containsAllEntriesOf(service.getSpec().getSelector());
            Set<String> portNames = onlyContainer(deployment).getPorts().stream()
                    .map(ContainerPort::getName)
                    .collect(Collectors.toSet());
            service.getSpec()
                    .getPorts()
                    .forEach(port -> assertThat(portNames)
                            .as(name)
                            .contains(port.getTargetPort().getStrVal()));

            PodDisruptionBudget budget = one(PodDisruptionBudget.class, name);
            assertThat(podLabels)
                    .as(name)
                    .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMinAvailable().getIntVal())
                    .as("%s: fewer than its replicas", name)
                    .isLessThan(deployment.getSpec().getReplicas());
        }
    }

    @Test
    void everyConfigurationKeyReferencedExistsAndNoSecretIsCheckedIn() {
        ConfigMap config = one(ConfigMap.class, "crisis-timeline-config");
        assertThat(objects()).noneMatch(Secret.class::isInstance);
        for (String name : SERVICES) {
            Container container = onlyContainer(one(Deployment.class, name));
            container
                    .getEnvFrom()
                    .forEach(source -> assertThat(source.getConfigMapRef().getName())
                            .isEqualTo(config.getMetadata().getName()));
            container.getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                    .forEach(e -> assertThat(config.getData())
                            .as("%s: %s", name, e.getName())
                            .containsKey(e.getValueFrom().getConfigMapKeyRef().getKey()));
        }
    }

    @Test
    void theRebuildFillsAnotherDatabaseFromItsOwnGroupAndGetsNoRequestsUntilSwitched() {
        List<HasMetadata> rebuild = KubernetesManifests.readDirectory(REPOSITORY.resolve("infra/k8s/rebuild"));
        assertThat(rebuild).hasSize(1).first().isInstanceOf(Deployment.class);
        Deployment next = (Deployment) rebuild.get(0);
        Container container = onlyContainer(next);
        Container live = onlyContainer(one(Deployment.class, "query-service"));
        Map<String, String> config =
                one(ConfigMap.class, "crisis-timeline-config").getData();

        assertThat(env(container, "KAFKA_CONSUMER_GROUP")).isNotEqualTo(config.get("KAFKA_CONSUMER_GROUP"));
        assertThat(env(container, "POSTGRES_URL")).isNotEqualTo(config.get("QUERY_POSTGRES_URL"));
        Map<String, String> selector =
                one(Service.class, "query-service").getSpec().getSelector();
        assertThat(next.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(selector.entrySet()))
                .as("the live Service selects none of its pods")
                .isFalse();
        // the same service as the live one in every other respect
        assertThat(container.getImage()).isEqualTo(live.getImage());
        assertThat(container.getReadinessProbe()).isEqualTo(live.getReadinessProbe());
        assertThat(container.getLivenessProbe()).isEqualTo(live.getLivenessProbe());
        assertThat(container.getResources()).isEqualTo(live.getResources());
        assertThat(container.getPorts()).isEqualTo(live.getPorts());
    }

    /** A secret the manifests need and the operator cannot find how to make is a deployment that does not start. */
    @Test
    void everySecretReferencedIsMadeByACommandInTheOperationsGuide() throws IOException {
        String guide = Files.readString(REPOSITORY.resolve("docs/operations.md"));
        Set<String> secrets = new TreeSet<>();
        for (String name : SERVICES) {
            Deployment deployment = one(Deployment.class, name);
            onlyContainer(deployment).getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> secrets.add(e.getValueFrom().getSecretKeyRef().getName()));
            deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .map(Volume::getSecret)
                    .filter(s -> s != null)
                    .forEach(s -> secrets.add(s.getSecretName()));
        }
        assertThat(secrets).contains("crisis-timeline-token-key", "crisis-timeline-audit-key");
        assertThat(secrets.stream().filter(secret -> !guide.contains("kubectl create secret generic " + secret)))
                .as("secrets docs/operations.md does not say how to make")
                .isEmpty();
    }

    /** A variable no service reads is a setting that silently does nothing, usually a misspelt name. */
    @Test
    void everyVariableSetIsOneTheServicesRead() throws IOException {
        String readers = Stream.of(
                        "command-service/src/main/resources/application.yml",
                        "query-service/src/main/resources/application.yml",
                        "command-service/src/main/java/org/crisistimeline/command/audit/AuditConfiguration.java",
                        // the token variables, mapped to Boot's resource-server properties for both services
                        "infra/service-web/src/main/java/org/crisistimeline/web/security/TokenKeys.java",
                        "infra/service-web/src/main/resources/org/crisistimeline/web/security/bearer-tokens.yml")
                .map(REPOSITORY::resolve)
                .map(KubernetesManifestsTest::read)
                .collect(Collectors.joining("\n"));
        // read by others than our placeholders: the image's entry point, Spring Boot's own binding, Axon
        Set<String> readElsewhere =
                Set.of("JAVA_OPTS", "SERVER_FORWARDHEADERSSTRATEGY", "AXONIQ_UPDATE_CHECKER_DISABLED");
        Set<String> variables = new TreeSet<>(
                one(ConfigMap.class, "crisis-timeline-config").getData().keySet());
        Set<String> referencedByKey = new TreeSet<>();
        for (String name : SERVICES) {
            for (EnvVar e : onlyContainer(one(Deployment.class, name)).getEnv()) {
                variables.add(e.getName());
                if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                    referencedByKey.add(e.getValueFrom().getConfigMapKeyRef().getKey());
                }
            }
        }
        variables.removeAll(referencedByKey); // keys mapped to another name, checked under that name
        assertThat(variables)
                .allSatisfy(variable -> assertThat(readElsewhere.contains(variable)
                                || readers.contains("${" + variable)
                                || readers.contains("\"" + variable + "\""))
                        .as("%s is read by a service", variable)
                        .isTrue());
    }

    private static List<HasMetadata> objects() {
        if (objects == null) {
            objects = KubernetesManifests.readDirectory(REPOSITORY.resolve("infra/k8s"));
        }
        return objects;
    }

    private static String path(Probe probe, ContainerPort http) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(http.getName());
        return probe.getHttpGet().getPath();
    }

    private static Container onlyContainer(Deployment deployment) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " does not set " + name));
    }

    private static <T extends HasMetadata> T one(Class<T> kind, String name) {
        List<T> found = objects().stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name))
                .toList();
        assertThat(found).as("%s %s", kind.getSimpleName(), name).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
