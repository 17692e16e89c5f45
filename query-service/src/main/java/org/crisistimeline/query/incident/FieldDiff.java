package org.crisistimeline.query.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field-level difference of two versions of an incident, as JSON paths. Objects on both sides are compared field
 * by field ({@code details.crowdEstimate}); lists element by element, an absent list counting as an empty one, so a
 * list that grows shows the elements added ({@code sources[2]}); anything else that differs is one change, an object
 * that appears or disappears whole included.
 */
final class FieldDiff {

    private FieldDiff() {}

    static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", orNull(before), orNull(after), changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(
                        path.isEmpty() ? name : path + "." + name,
                        orNull(before.get(name)),
                        orNull(after.get(name)),
                        changes);
            }
        } else if (listOrAbsent(before) && listOrAbsent(after)) {
            int size = Math.max(before.size(), after.size());
            for (int index = 0; index < size; index++) {
                compare(path + "[" + index + "]", orNull(before.get(index)), orNull(after.get(index)), changes);
            }
        } else {
            changes.add(new FieldChange(path, before, after));
        }
    }

    private static boolean listOrAbsent(JsonNode node) {
        return node.isArray() || node.isNull();
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }
}
