package org.crisistimeline.command.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.text.Normalizer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void theRfc8785ExampleOfNumbersStringsAndLiteralsIsReproduced() {
        // RFC 8785, section 3.2.2
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(new String(CanonicalJson.jcs(input), UTF_8))
                .isEqualTo("{\"literals\":[null,true,false],"
                        + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void keysAreSortedByUtf16CodeUnitsAsInTheRfc8785Example() {
        // RFC 8785, section 3.2.3
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";

        assertThat(new String(CanonicalJson.jcs(input), UTF_8))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                        + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                        + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // IEEE 754 bit patterns and their ECMAScript form, from RFC 8785 appendix B
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af6, 1e+23",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "41b3de4355555555, 333333333.3333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void numbersAreWrittenInTheirEcmaScriptForm(String ieee754, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

        // the reference implementation takes objects and arrays only, which is all an event is
        assertThat(canonical(JsonNodeFactory.instance.arrayNode().add(DoubleNode.valueOf(value))))
                .isEqualTo("[" + expected + "]");
    }

    @Test
    void keyOrderAndWhitespaceDoNotChangeTheCanonicalForm() {
        assertThat(canonical(json("{\"b\": 1, \"a\": {\"y\": [1, 2], \"x\": null}}")))
                .isEqualTo(canonical(json("{\"a\":{\"x\":null,\"y\":[1,2]},\"b\":1}")))
                .isEqualTo("{\"a\":{\"x\":null,\"y\":[1,2]},\"b\":1}");
    }

    @Test
    void oneValueWrittenInDifferentNumberFormatsHasOneCanonicalForm() {
        assertThat(canonical(json("{\"lat\": 33.2625, \"killed\": 10, \"n\": 4.50, \"big\": 1E3}")))
                .isEqualTo(canonical(json("{\"lat\": 3.32625e1, \"killed\": 10.0, \"n\": 4.5, \"big\": 1000}")))
                .isEqualTo("{\"big\":1000,\"killed\":10,\"lat\":33.2625,\"n\":4.5}");
    }

    @Test
    void composedAndDecomposedStringsHaveOneCanonicalFormInNfc() {
        String composed = "Ba\u0303o \u00e9"; // "Bão é" with é as U+00E9
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        String fromComposed = canonical(json("{\"place\": \"" + composed + "\", \"" + composed + "\": 1}"));
        String fromDecomposed = canonical(json("{\"place\": \"" + decomposed + "\", \"" + decomposed + "\": 1}"));

        assertThat(fromDecomposed).isEqualTo(fromComposed).contains("B\u00e3o \u00e9");
    }

    @Test
    void differentTextGivesADifferentCanonicalForm() {
        assertThat(canonical(json("{\"summary\": \"kills\"}")))
                .isNotEqualTo(canonical(json("{\"summary\": \"kilts\"}")));
    }

    @Test
    void anIntegerBeyondWhatADoubleHoldsExactlyIsRefusedRatherThanRounded() {
        assertThatThrownBy(() -> CanonicalJson.of(json("{\"n\": 9007199254740993}")))
                .isInstanceOf(CanonicalJson.NotCanonicalisable.class);
        assertThat(canonical(json("{\"n\": 9007199254740992}"))).isEqualTo("{\"n\":9007199254740992}");
    }

    @Test
    void aKeyGivenTwiceIsUnreadableRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"a\": 2, \"a\": 1}".getBytes(UTF_8)))
                .isInstanceOf(CanonicalJson.NotCanonicalisable.class)
                .hasMessageContaining("Duplicate field");
    }

    @Test
    void twoKeysThatDifferOnlyInTheirUnicodeFormAreRefused() {
        String composed = "\u00e9";
        String decomposed = "e\u0301";

        assertThatThrownBy(() -> CanonicalJson.of(json("{\"" + composed + "\": 1, \"" + decomposed + "\": 2}")))
                .isInstanceOf(CanonicalJson.NotCanonicalisable.class);
    }

    @Test
    void theRfc8785ExampleComesOutOfOurWriterAsOutOfTheReferenceImplementation() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001, -0.0, 10, -7],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(canonical(json(input))).isEqualTo(new String(CanonicalJson.jcs(input), UTF_8));
    }

    @Test
    void everyEventOfEveryTypeHashesOverTheBytesTheReferenceImplementationWrites() throws Exception {
        var mapper = org.crisistimeline.events.EventJson.newMapper();
        for (Record event : org.crisistimeline.events.SampleEvents.all()) {
            String stored = mapper.writeValueAsString(event);

            assertThat(canonical(json(stored)))
                    .as(event.getClass().getSimpleName())
                    .isEqualTo(new String(CanonicalJson.jcs(stored), UTF_8));
        }
    }

    @Test
    void randomTextsKeysAndNumbersAreWrittenAsTheReferenceImplementationWritesThem() throws Exception {
        var random = new java.util.Random(8785);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int document = 0; document < 500; document++) {
            var object = JsonNodeFactory.instance.objectNode();
            for (int field = 0; field < 8; field++) {
                object.put(randomText(random), randomText(random));
                object.put(randomText(random), random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
                object.put(randomText(random), random.nextLong() % (1L << 53));
                object.putArray(randomText(random))
                        .add(randomText(random))
                        .add(random.nextBoolean())
                        .addNull();
            }
            String text = mapper.writeValueAsString(object);

            assertThat(canonical(json(text))).isEqualTo(new String(CanonicalJson.jcs(text), UTF_8));
        }
    }

    @Property
    void anyTextIsWrittenInNfc(@ForAll @CharRange(from = '\u0000', to = '\u036f') String text) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String asGiven = mapper.writeValueAsString(java.util.Map.of("s", text));
        String inNfc =
                mapper.writeValueAsString(java.util.Map.of("s", Normalizer.normalize(text, Normalizer.Form.NFC)));

        assertThat(canonical(json(asGiven))).isEqualTo(new String(CanonicalJson.jcs(inNfc), UTF_8));
    }

    /** Every control character, escapes, ASCII, accents, other scripts and surrogate pairs; NFC as JCS leaves it. */
    private static String randomText(java.util.Random random) {
        int[] pool = {
            0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, '"', '\\', '/', 'a', 'Z', '7', ' ', 0x7f, 0x80, 0xe9,
            0x20ac, 0x0628, 0x4e2d, 0x1f600, 0x2028, 0xfeff
        };
        var text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static JsonNode json(String text) {
        return CanonicalJson.read(text.getBytes(UTF_8));
    }

    private static String canonical(JsonNode value) {
        return new String(CanonicalJson.of(value), UTF_8);
    }
}
