package org.crisistimeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Schemas as docs/events.md tells a subscriber to use them: the schema of a message is the file named after
 * its {@code ce_type}, {@code org.crisistimeline.<EventName>.v<N>} -> {@code <event-name>.v<N>.json}.
 */
final class PublishedSchemas {

    private static final Pattern CE_TYPE = Pattern.compile("org\\.crisistimeline\\.([A-Za-z0-9]+)\\.(v[0-9]+)");

    private final Path folder;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    PublishedSchemas(Path folder) {
        this.folder = folder;
    }

    static Path fileName(String ceType) {
        Matcher matcher = CE_TYPE.matcher(ceType);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a ce_type of Crisis Timeline: " + ceType);
        }
        String kebab = matcher.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return Path.of(kebab + "." + matcher.group(2) + ".json");
    }

    /** @return the violations; empty when the value is valid against the schema its ce_type names */
    List<Error> validate(String ceType, JsonNode value) {
        Path schema = folder.resolve(fileName(ceType));
        try (InputStream in = Files.newInputStream(schema)) {
            return registry.getSchema(in).validate(value);
        } catch (IOException e) {
            throw new UncheckedIOException("no schema " + schema + " for " + ceType, e);
        }
    }
}
