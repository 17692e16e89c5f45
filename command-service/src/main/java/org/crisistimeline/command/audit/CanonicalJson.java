package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * The bytes a hash is taken over: JSON canonicalised by RFC 8785 (JCS) after every string, keys included, is brought to
 * Unicode NFC. Two JSON texts that mean the same value — keys in another order, other whitespace, {@code 4.50} for
 * {@code 4.5}, {@code "\u00e9"} for {@code "é"}, a decomposed {@code e + U+0301} for a composed {@code é} — give the
 * same bytes.
 *
 * <p>Sorting, escaping and the ECMAScript number form are the reference implementation's (by an author of the RFC),
 * held to its bytes by the tests; NFC is ours, because JCS leaves strings as they are.
 */
final class CanonicalJson {

    /** Integers beyond this lose digits as IEEE doubles, which is all JCS has (I-JSON); refused, not rounded. */
    private static final BigInteger LARGEST_EXACT_INTEGER = BigInteger.TWO.pow(53);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
        var canonical = new StringBuilder(1024);
        write(value, canonical);
        return canonical.toString().getBytes(UTF_8);
    }

    /** RFC 8785 alone, without NFC, by the reference implementation: the form the RFC's test vectors are given in. */
    static byte[] jcs(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new NotCanonicalisable("not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the tree as the reference implementation writes it (keys sorted by UTF-16 code units, its escapes, the
     * ECMAScript number form), straight from the tree: writing the JSON text for the library to parse and write again
     * was most of the time of hashing an event. {@code CanonicalJsonTest} holds the two to the same bytes.
     */
    private static void write(JsonNode value, StringBuilder canonical) {
        switch (value.getNodeType()) {
            case OBJECT -> {
                Map<String, JsonNode> sorted = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    // two keys that differ only in their Unicode form would silently become one
                    if (sorted.put(nfc(field.getKey()), field.getValue()) != null) {
                        throw new NotCanonicalisable(
                                "two keys are the same after NFC normalisation: " + nfc(field.getKey()));
                    }
                }
                canonical.append('{');
                for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                    if (canonical.charAt(canonical.length() - 1) != '{') {
                        canonical.append(',');
                    }
                    string(field.getKey(), canonical);
                    canonical.append(':');
                    write(field.getValue(), canonical);
                }
                canonical.append('}');
            }
            case ARRAY -> {
                canonical.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        canonical.append(',');
                    }
                    write(value.get(i), canonical);
                }
                canonical.append(']');
            }
            case STRING -> string(nfc(value.textValue()), canonical);
            case NUMBER -> canonical.append(number(value));
            case BOOLEAN -> canonical.append(value.booleanValue());
            case NULL -> canonical.append("null");
            default -> throw new NotCanonicalisable("not a JSON value: " + value.getNodeType());
        }
    }

    private static void string(String text, StringBuilder canonical) {
        canonical.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> canonical.append("\\b");
                case '\t' -> canonical.append("\\t");
                case '\n' -> canonical.append("\\n");
                case '\f' -> canonical.append("\\f");
                case '\r' -> canonical.append("\\r");
                case '"', '\\' -> canonical.append('\\').append(c);
                default -> {
                    if (c < 0x20) {
                        canonical.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        canonical.append(c);
                    }
                }
            }
        }
        canonical.append('"');
    }

    /** JCS numbers are IEEE doubles in their ECMAScript form; an integer a double cannot hold exactly is refused. */
    private static String number(JsonNode value) {
        if (value.isIntegralNumber() && value.bigIntegerValue().abs().compareTo(LARGEST_EXACT_INTEGER) > 0) {
            throw new NotCanonicalisable("the integer " + value + " cannot be represented exactly in JSON numbers"
                    + " (RFC 8785 numbers are IEEE doubles); send it as a string");
        }
        try {
            return NumberToJSON.serializeNumber(value.doubleValue());
        } catch (IOException e) {
            throw new NotCanonicalisable("the number " + value + " has no JSON form", e);
        }
    }

    private static String nfc(String text) {
        // below U+0300 every character is NFC on its own and none combines with another: most ids, codes and names
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
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
