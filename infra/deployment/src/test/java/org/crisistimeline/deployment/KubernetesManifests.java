package org.crisistimeline.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests into the fabric8 model of the Kubernetes API, strictly: a kind the model has no class for,
 * a field of the wrong type and a field the API does not have (which fabric8 would keep aside in {@code
 * additionalProperties}, as the API server would drop it) are each an error naming the file and the field.
 */
final class KubernetesManifests {

    /** The kinds the deployment uses, by apiVersion and kind; another one is an error until it is added here. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/Namespace", Namespace.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubernetesManifests() {}

    /** Every object of every {@code .yaml} file in the directory, in file order. */
    static List<HasMetadata> readDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<HasMetadata> objects = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                objects.addAll(read(file.getFileName().toString(), Files.readString(file)));
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects of one file of YAML documents separated by {@code ---}. */
    static List<HasMetadata> read(String name, String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                index++;
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue; // a comment-only document
                }
                objects.add(object(name + " document " + index, document));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": not YAML the Kubernetes model can read: " + e.getMessage(), e);
        }
        return objects;
    }

    private static HasMetadata object(String where, JsonNode document) throws IOException {
        String type = document.path("apiVersion").asText() + "/"
                + document.path("kind").asText();
        Class<? extends HasMetadata> model = KINDS.get(type);
        if (model == null) {
            throw new IllegalArgumentException(where + ": no model for " + type + " (known: " + KINDS.keySet() + ")");
        }
        HasMetadata object = YAML.treeToValue(document, model);
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(object, object.getKind(), unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + ": fields the Kubernetes API does not have: " + unknown);
        }
        return object;
    }

    /**
     * Walks the object's properties: every fabric8 model class keeps the fields it does not know in {@code
     * getAdditionalProperties()}, so a non-empty one anywhere is a field the API server would not accept.
     */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return; // a string, number or boolean
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) invoke(getter, value)).keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (isModel(getter.getReturnType())) {
                String property = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                collectUnknownFields(invoke(getter, value), path + "." + property, unknown);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        return Collection.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type)
                || type.getName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
