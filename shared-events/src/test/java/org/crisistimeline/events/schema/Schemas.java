package org.crisistimeline.events.schema;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crisistimeline.events.CloudEventType;

/** The checked-in schemas, in the source folder (not the jar), and a validator for them. */
public final class Schemas {

    /** Relative to the module: Surefire runs the tests there. */
    static final Path FOLDER = Path.of("src", "main", "resources", "schemas");

    private static final ObjectMapper json = new ObjectMapper();
    /** formats (date-time, date) are asserted too: 2020-12 only annotates them by default */
    private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private Schemas() {}

    static Path file(CloudEventType type) {
        return FOLDER.resolve(type.schemaFileName());
    }

    static JsonNode read(CloudEventType type) {
        try {
            return json.readTree(file(type).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Error> validate(CloudEventType type, JsonNode message) {
        Schema schema = registry.getSchema(read(type));
        return schema.validate(message);
    }

    /** As it reads back from a file: numbers the generator made as decimals compare equal to the integers read. */
    static JsonNode normalised(JsonNode schema) {
        try {
            return json.readTree(json.writeValueAsString(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(CloudEventType type, JsonNode schema) {
        try {
            Files.createDirectories(FOLDER);
            var printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""));
            Files.writeString(file(type), json.writer(printer).writeValueAsString(schema) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
