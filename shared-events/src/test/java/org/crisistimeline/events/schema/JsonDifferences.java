package org.crisistimeline.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The JSON pointers at which two documents differ, so that a failing comparison names them instead of both trees. */
final class JsonDifferences {

    private JsonDifferences() {}

    static List<String> between(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        collect("", expected, actual, differences);
        return differences;
    }

    private static void collect(String pointer, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject() && actual.isObject()) {
            var names = new TreeSet<String>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    differences.add(child + " is new");
                } else if (!actual.has(name)) {
                    differences.add(child + " is gone");
                } else {
                    collect(child, expected.get(name), actual.get(name), differences);
                }
            }
        } else if (!expected.equals(actual)) {
            differences.add(pointer + ": " + abbreviated(expected) + " -> " + abbreviated(actual));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
