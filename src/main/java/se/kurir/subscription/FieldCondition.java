package se.kurir.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A simple condition on one payload field, named by its dotted path ({@code adress.kommun}). Exactly one of
 * {@code equals}, {@code in} and {@code exists} is given; values compare as text, so {@code "0180"} is not {@code 180}.
 */
public record FieldCondition(String field, String equals, List<String> in, Boolean exists) {

    public FieldCondition {
        in = in == null ? null : List.copyOf(in);
    }

    boolean isWellFormed() {
        int given = (equals != null ? 1 : 0) + (in != null ? 1 : 0) + (exists != null ? 1 : 0);
        return given == 1 && field != null && FieldPaths.isValid(field);
    }

    boolean holdsFor(JsonNode payload) {
        JsonNode value = FieldPaths.find(payload, field);
        if (exists != null) {
            return exists == (value != null && !value.isNull());
        }
        if (value == null || !value.isValueNode()) {
            return false;
        }
        return equals != null ? equals.equals(value.asText()) : in.contains(value.asText());
    }
}
