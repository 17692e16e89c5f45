package org.crisistimeline.command.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.text.Normalizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every string of the write API is checked and normalised as it is read: control characters (NUL and the rest of C0
 * but tab, line feed and carriage return) and lone surrogates are refused, because they cannot be stored as text or
 * written as valid UTF-8 downstream; everything else is normalised to Unicode NFC, so that "é" typed as one code point
 * or as e plus a combining accent is the same text, and a retry in the other form is the same request.
 */
@Configuration
class StrictStrings {

    @Bean
    Module strictStringsModule() {
        return new SimpleModule("strict-strings").addDeserializer(String.class, new Deserializer());
    }

    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            String problem = problem(text);
            if (problem != null) {
                throw InvalidFormatException.from(parser, problem, text, String.class);
            }
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        }

        static String problem(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return "must not contain control characters (U+%04X)".formatted((int) c);
                }
                if (Character.isHighSurrogate(c)
                        && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                    return "must not contain a lone surrogate (U+%04X)".formatted((int) c);
                }
                if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                    return "must not contain a lone surrogate (U+%04X)".formatted((int) c);
                }
            }
            return null;
        }
    }
}
