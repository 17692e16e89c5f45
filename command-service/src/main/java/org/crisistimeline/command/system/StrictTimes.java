package org.crisistimeline.command.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only ISO-8601 text is an instant in the write API. Jackson would read a number as seconds since 1970, so an
 * {@code occurredAt} of {@code 0} was stored as 1970-01-01: a client's mistake taken for a fact.
 */
@Configuration
class StrictTimes {

    @Bean
    Module strictTimesModule() {
        // registered after Jackson's JavaTimeModule, so this deserializer is the one asked for an Instant
        return new SimpleModule("strict-times").addDeserializer(Instant.class, new Deserializer());
    }

    static final class Deserializer extends StdScalarDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
