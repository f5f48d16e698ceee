package se.kurir.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies one JSON document token by token, applying the field rules on the way: what is dropped is skipped unread,
 * what is kept is copied, what is transformed is written anew. Memory holds one token and the current path, never
 * the document.
 */
final class JsonFieldRewriter {

    /** A container with rules below it: entered, its own members judged by what they inherit. */
    private static final FieldRule DESCEND = new FieldRule(FieldRule.Action.KEEP, "descend");

    private final List<Map.Entry<FieldPointer, FieldRule>> rules;
    private final FieldRule otherFields;
    private final FieldValues values;
    private final Map<String, Long> counts = new TreeMap<>();

    JsonFieldRewriter(List<Map.Entry<FieldPointer, FieldRule>> rules, FieldRule otherFields, FieldValues values) {
        this.rules = rules;
        this.otherFields = otherFields;
        this.values = values;
    }

    /** How many fields each action handled, for the audit record. */
    Map<String, Long> counts() {
        return counts;
    }

    void rewrite(JsonParser parser, JsonGenerator out) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new PrivacyInputException("payload: is empty, not a JSON document");
        }
        List<String> path = new ArrayList<>();
        FieldRule root = first.isStructStart() ? DESCEND : decide(path, first, otherFields);
        if (root.action() == FieldRule.Action.DROP) {
            count(root);
            out.writeNull();
        } else {
            value(parser, out, path, first, root, otherFields);
        }
        if (parser.nextToken() != null) {
            throw new PrivacyInputException("payload: holds more than one JSON document");
        }
    }

    private void value(JsonParser parser, JsonGenerator out, List<String> path, JsonToken token, FieldRule rule,
            FieldRule inherited) throws IOException {
        if (token.isStructStart()) {
            if (rule != DESCEND && rule.action() != FieldRule.Action.KEEP) {
                throw new PrivacyInputException("payload" + FieldPointer.format(path) + ": is "
                        + (token == JsonToken.START_OBJECT ? "an object" : "an array") + "; "
                        + rule.action().name().toLowerCase(Locale.ROOT) + " applies to single values");
            }
            members(parser, out, path, token, rule == DESCEND ? inherited : FieldRule.KEEP);
        } else if (rule.action() == FieldRule.Action.KEEP || token == JsonToken.VALUE_NULL) {
            out.copyCurrentEvent(parser);
        } else {
            try {
                out.writeString(values.transform(rule, parser.getText()));
            } catch (IllegalArgumentException e) {
                throw new PrivacyInputException("payload" + FieldPointer.format(path) + ": " + e.getMessage());
            }
            count(rule);
        }
    }

    private void members(JsonParser parser, JsonGenerator out, List<String> path, JsonToken start,
            FieldRule inherited) throws IOException {
        boolean object = start == JsonToken.START_OBJECT;
        if (object) {
            out.writeStartObject();
        } else {
            out.writeStartArray();
        }
        int index = 0;
        for (JsonToken token = parser.nextToken(); !token.isStructEnd(); token = parser.nextToken()) {
            String name = object ? parser.currentName() : Integer.toString(index++);
            if (object) {
                token = parser.nextToken();
            }
            path.add(name);
            FieldRule rule = decide(path, token, inherited);
            if (rule.action() == FieldRule.Action.DROP) {
                count(FieldRule.DROP);
                parser.skipChildren();
            } else {
                if (object) {
                    out.writeFieldName(name);
                }
                value(parser, out, path, token, rule, inherited);
            }
            path.remove(path.size() - 1);
        }
        if (object) {
            out.writeEndObject();
        } else {
            out.writeEndArray();
        }
    }

    private FieldRule decide(List<String> path, JsonToken token, FieldRule inherited) {
        for (Map.Entry<FieldPointer, FieldRule> rule : rules) {
            if (rule.getKey().names(path)) {
                return rule.getValue();
            }
        }
        if (token.isStructStart() && rules.stream().anyMatch(r -> r.getKey().reachesBelow(path))) {
            return DESCEND;
        }
        return inherited;
    }

    private void count(FieldRule rule) {
        counts.merge(rule.action().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
}
