package se.kurir.privacy;

import java.util.Locale;

/**
 * What the {@code pseudonymise} step does with one field, as an agreement writes it: {@code keep}, {@code drop},
 * {@code hmac}, {@code fpe}, {@code generalise:year}, {@code generalise:year-month}, {@code generalise:digits:3},
 * {@code generalise:band:10}, {@code mask} or {@code mask:4} (keep the last four characters).
 */
record FieldRule(Action action, String argument) {

    enum Action { KEEP, DROP, HMAC, FPE, GENERALISE, MASK }

    static final FieldRule KEEP = new FieldRule(Action.KEEP, null);
    static final FieldRule DROP = new FieldRule(Action.DROP, null);

    static FieldRule parse(String pointer, String text) {
        String[] parts = text == null ? new String[] {""} : text.trim().split(":", 2);
        Action action;
        try {
            action = Action.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privacy.fields." + pointer + ": unknown action '" + text
                    + "' (keep, drop, hmac, fpe, generalise:..., mask)");
        }
        FieldRule rule = new FieldRule(action, parts.length > 1 ? parts[1] : null);
        rule.checkArgument(pointer);
        return rule;
    }

    boolean usesKey() {
        return action == Action.HMAC || action == Action.FPE;
    }

    private void checkArgument(String pointer) {
        boolean valid = switch (action) {
            case KEEP, DROP, HMAC, FPE -> argument == null;
            case MASK -> argument == null || argument.matches("\\d{1,2}");
            case GENERALISE -> argument != null && (argument.equals("year") || argument.equals("year-month")
                    || argument.matches("digits:\\d{1,2}") || argument.matches("band:[1-9]\\d{0,5}"));
        };
        if (!valid) {
            throw new IllegalArgumentException("privacy.fields." + pointer + ": '" + action.name().toLowerCase(
                    Locale.ROOT) + (argument == null ? "" : ":" + argument) + "' has a missing or unknown argument");
        }
    }
}
