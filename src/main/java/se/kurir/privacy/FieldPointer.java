package se.kurir.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON Pointer (RFC 6901) into a payload, with one addition: a {@code *} step matches any array element or member,
 * so a rule can reach every item of a list ({@code /personer/*}{@code /personnummer}).
 */
record FieldPointer(String text, List<String> steps) {

    static final String ANY = "*";

    static FieldPointer parse(String text) {
        if (text == null || !text.startsWith("/")) {
            throw new IllegalArgumentException("privacy.fields: '" + text + "' is not a JSON Pointer (starts with /)");
        }
        List<String> steps = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            steps.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new FieldPointer(text, List.copyOf(steps));
    }

    /** Whether this pointer names exactly the field at {@code path}. */
    boolean names(List<String> path) {
        return steps.size() == path.size() && matchesFrom(path, path.size());
    }

    /** Whether this pointer names something inside the field at {@code path}. */
    boolean reachesBelow(List<String> path) {
        return steps.size() > path.size() && matchesFrom(path, path.size());
    }

    private boolean matchesFrom(List<String> path, int length) {
        for (int i = 0; i < length; i++) {
            if (!steps.get(i).equals(ANY) && !steps.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The pointer to a field, for messages: {@code /adress/postnummer}. */
    static String format(List<String> path) {
        StringBuilder text = new StringBuilder();
        for (String step : path) {
            text.append('/').append(step.replace("~", "~0").replace("/", "~1"));
        }
        return text.isEmpty() ? "/" : text.toString();
    }
}
