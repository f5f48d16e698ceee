package se.kurir.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dotted paths into a JSON payload ({@code namn.efternamn}), and the view of a payload that keeps only the paths a
 * subscriber is entitled to. Arrays are kept or dropped whole: a path never reaches into one.
 */
final class FieldPaths {

    private static final Pattern PATH = Pattern.compile("^[A-Za-z0-9_-]{1,64}(\\.[A-Za-z0-9_-]{1,64}){0,7}$");

    private FieldPaths() {
    }

    static boolean isValid(String path) {
        return PATH.matcher(path).matches();
    }

    /** The node at the path, or null when there is none. */
    static JsonNode find(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(step);
        }
        return node;
    }

    /**
     * The name under which an agreement's {@code fields} entitle a consumer to an event's subject key (a personal
     * identity or organisation number, often): like any field, it is delivered only to those entitled to it.
     */
    static final String SUBJECT_KEY = "subjectKey";

    /** The event's subject key if the subscriber's fields (null: all) entitle it to it, otherwise none. */
    static String subjectKey(String subjectKey, List<String> fields) {
        return fields == null || fields.contains(SUBJECT_KEY) ? subjectKey : null;
    }

    /** Whether a subscriber entitled to {@code fields} (null: all) may see the field at {@code path}. */
    static boolean entitles(List<String> fields, String path) {
        return fields == null || fields.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "."));
    }

    /** A copy of the payload with only the entitled fields; the payload itself when all are. */
    static JsonNode view(JsonNode payload, List<String> fields) {
        if (fields == null) {
            return payload;
        }
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            JsonNode value = find(payload, field);
            if (value != null) {
                put(view, field.split("\\."), value);
            }
        }
        return view;
    }

    private static void put(ObjectNode target, String[] steps, JsonNode value) {
        ObjectNode node = target;
        for (int i = 0; i < steps.length - 1; i++) {
            JsonNode next = node.get(steps[i]);
            node = next instanceof ObjectNode object ? object : node.putObject(steps[i]);
        }
        node.set(steps[steps.length - 1], value.deepCopy());
    }
}
