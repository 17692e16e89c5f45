package org.crisistimeline.command.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The bytes a hash is taken over: JSON canonicalised by RFC 8785 (JCS) after every string, keys included, is brought to
 * Unicode NFC. Two JSON texts that mean the same value — keys in another order, other whitespace, {@code 4.50} for
 * {@code 4.5}, {@code "\u00e9"} for {@code "é"}, a decomposed {@code e + U+0301} for a composed {@code é} — give the
 * same bytes.
 *
 * <p>Sorting, escaping and the ECMAScript number form are the reference implementation's (by an author of the RFC);
 * NFC is ours, because JCS leaves strings as they are.
 */
final class CanonicalJson {

    /** Integers beyond this lose digits as IEEE doubles, which is all JCS has (I-JSON); refused, not rounded. */
    private static final BigInteger LARGEST_EXACT_INTEGER = BigInteger.TWO.pow(53);

    private static final ObjectMapper plain = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CanonicalJson() {}

    /**
     * Reads stored JSON the way hashing and verification both do: a key given twice is unreadable rather than "the last
     * one wins", so a duplicate slipped in front of the real value cannot leave the hash unchanged.
     */
    static JsonNode read(byte[] json) {
        try {
            return plain.readTree(json);
        } catch (IOException e) {
            String reason =
                    e instanceof JsonProcessingException unreadable ? unreadable.getOriginalMessage() : e.getMessage();
            throw new NotCanonicalisable("not readable JSON: " + reason, e);
        }
    }

    /** UTF-8 bytes of the canonical form of {@code value}, strings in NFC. */
    static byte[] of(JsonNode value) {
        return jcs(write(normalised(value)));
    }

    /** RFC 8785 alone, without NFC: the form the RFC's test vectors are given in. */
    static byte[] jcs(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new NotCanonicalisable("not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    private static String write(JsonNode value) {
        try {
            return plain.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode normalised(JsonNode value) {
        if (value.isTextual()) {
            return JsonNodeFactory.instance.textNode(nfc(value.textValue()));
        }
        if (value.isIntegralNumber() && value.bigIntegerValue().abs().compareTo(LARGEST_EXACT_INTEGER) > 0) {
            throw new NotCanonicalisable("the integer " + value + " cannot be represented exactly in JSON numbers"
                    + " (RFC 8785 numbers are IEEE doubles); send it as a string");
        }
        if (value.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(value.size());
            value.forEach(element -> array.add(normalised(element)));
            return array;
        }
        if (value.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = nfc(field.getKey());
                // two keys that differ only in their Unicode form would silently become one
                if (object.has(key)) {
                    throw new NotCanonicalisable("two keys are the same after NFC normalisation: " + key);
                }
                object.set(key, normalised(field.getValue()));
            }
            return object;
        }
        return value;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** JSON that has no canonical form: unreadable, or holding a value JCS cannot represent exactly. */
    static class NotCanonicalisable extends RuntimeException {
        NotCanonicalisable(String message) {
            super(message);
        }

        NotCanonicalisable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
