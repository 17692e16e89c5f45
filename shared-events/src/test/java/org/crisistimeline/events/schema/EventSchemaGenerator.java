package org.crisistimeline.events.schema;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import org.crisistimeline.events.CloudEventType;
import org.crisistimeline.events.country.IsoCountry;

/**
 * Writes the JSON Schema (draft 2020-12) of the current version of an event type from its record: the Jackson
 * annotations give the JSON names and shapes, the Bean Validation constraints give {@code required}, lengths, ranges
 * and patterns. Every object is closed ({@code additionalProperties: false}): a field a message may carry is listed, and
 * a new field makes a new version.
 *
 * <p>A field whose subtype is named by a sibling property ({@code @JsonTypeInfo(include = EXTERNAL_PROPERTY)}, as
 * {@code details} is typed by {@code type}) is written as one {@code if}/{@code then} per subtype, so a validator checks
 * the details against the shape their type names.
 */
final class EventSchemaGenerator {

    static final String ID_PREFIX = "urn:crisistimeline:schema:";

    private final SchemaGenerator generator;

    EventSchemaGenerator() {
        var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
                // a map (an origin's codes) is an object whose every value has the map's value type
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        // the order of the record's components, which is the order of the JSON written
        config.forTypesInGeneral()
                .withPropertySorter((first, second) -> 0)
                .withDefinitionNamingStrategy(
                        (key, context) -> nestedName(key.getType().getErasedType()));
        config.forFields().withStringPatternResolver(EventSchemaGenerator::pattern);
        config.forFields()
                .withDescriptionResolver(field -> field.getAnnotationConsideringFieldAndGetter(IsoCountry.class) != null
                                || (field.isFakeContainerItemScope()
                                        && field.getContainerItemAnnotationConsideringFieldAndGetter(IsoCountry.class)
                                                != null)
                        ? "ISO 3166-1 alpha-2 country code"
                        : null);
        generator = new SchemaGenerator(config.build());
    }

    ObjectNode generate(CloudEventType type) {
        if (!type.isCurrent()) {
            throw new IllegalArgumentException(
                    type + " is an old version: its schema is frozen, only the current version is generated");
        }
        Class<? extends Record> payloadType = type.type().payloadType();
        ObjectNode generated = generator.generateSchema(payloadType);

        ObjectNode schema = generated.objectNode();
        schema.put("$schema", generated.get("$schema").asText());
        schema.put("$id", ID_PREFIX + type.schemaFileName().replaceFirst("\\.json$", ""));
        schema.put("title", type.value());
        schema.put(
                "description",
                "The value of a Kafka record of the topic crisis-timeline.events.v1 whose ce_type header is "
                        + type.value() + "; see docs/events.md");
        generated.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$schema") && !field.getKey().equals("$defs")) {
                schema.set(field.getKey(), field.getValue());
            }
        });
        for (RecordComponent component : payloadType.getRecordComponents()) {
            externalTypeInfo(component).ifPresent(typeInfo -> typedBySibling(schema, component, generated, typeInfo));
        }
        // the shapes the properties refer to come last, so the file reads from the top as the message does
        if (generated.has("$defs")) {
            schema.set("$defs", generated.get("$defs"));
        }
        return schema;
    }

    /**
     * Replaces the generator's {@code anyOf} of all subtypes (it cannot see the type name outside the value) by one
     * {@code if}/{@code then} per subtype: when the sibling property has the subtype's name, the value has its shape.
     */
    private static void typedBySibling(
            ObjectNode schema, RecordComponent component, ObjectNode generated, JsonTypeInfo typeInfo) {
        JsonSubTypes subtypes = annotation(component, JsonSubTypes.class)
                .orElseThrow(() -> new IllegalStateException(component + " has @JsonTypeInfo without @JsonSubTypes"));
        String typeProperty = typeInfo.property();
        ObjectNode properties = (ObjectNode) schema.get("properties");
        if (!properties.has(typeProperty)) {
            throw new IllegalStateException(component + " is typed by " + typeProperty + ", which is no property");
        }
        ObjectNode shapeless = properties
                .objectNode()
                .put("type", "object")
                .put("description", "Its shape is the one that the property '" + typeProperty + "' names");
        properties.set(component.getName(), shapeless);

        ArrayNode allOf = schema.withArray("allOf");
        for (JsonSubTypes.Type subtype : subtypes.value()) {
            String definition = nestedName(subtype.value());
            if (!generated.path("$defs").has(definition)) {
                throw new IllegalStateException("no definition " + definition + " for " + subtype.name());
            }
            ObjectNode branch = allOf.addObject();
            ObjectNode condition = branch.putObject("if");
            condition.putObject("properties").putObject(typeProperty).put("const", subtype.name());
            condition.putArray("required").add(typeProperty);
            branch.putObject("then")
                    .putObject("properties")
                    .putObject(component.getName())
                    .put("$ref", "#/$defs/" + definition);
        }
    }

    private static Optional<JsonTypeInfo> externalTypeInfo(RecordComponent component) {
        return annotation(component, JsonTypeInfo.class)
                .filter(typeInfo -> typeInfo.include() == JsonTypeInfo.As.EXTERNAL_PROPERTY);
    }

    /** The annotation on the component or inside one of its annotations ({@code @JacksonAnnotationsInside}). */
    private static <A extends Annotation> Optional<A> annotation(RecordComponent component, Class<A> type) {
        if (component.isAnnotationPresent(type)) {
            return Optional.of(component.getAnnotation(type));
        }
        return Arrays.stream(component.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(type))
                .filter(found -> found != null)
                .findFirst();
    }

    /**
     * JSON Schema patterns match anywhere in the string, Bean Validation's the whole string: anchored here so that
     * both say the same.
     */
    private static String pattern(FieldScope field) {
        boolean item = field.isFakeContainerItemScope();
        IsoCountry country = item
                ? field.getContainerItemAnnotationConsideringFieldAndGetter(IsoCountry.class)
                : field.getAnnotationConsideringFieldAndGetter(IsoCountry.class);
        if (country != null) {
            return "^[A-Z]{2}$";
        }
        Pattern pattern = item
                ? field.getContainerItemAnnotationConsideringFieldAndGetter(Pattern.class)
                : field.getAnnotationConsideringFieldAndGetter(Pattern.class);
        return pattern == null ? null : "^(?:" + pattern.regexp() + ")$";
    }

    /** {@code StrikeDetails.Casualties} for a nested type, the simple name otherwise. */
    static String nestedName(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }
}
