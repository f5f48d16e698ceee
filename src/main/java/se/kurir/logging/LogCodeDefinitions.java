package se.kurir.logging;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link LogCode.Code} of every constant, read once per enum: a log line asks for its code each time it is
 * written, and the annotations do not change.
 */
final class LogCodeDefinitions {

    private static final ClassValue<Map<String, LogCode.Code>> BY_ENUM = new ClassValue<>() {
        @Override
        protected Map<String, LogCode.Code> computeValue(Class<?> type) {
            Map<String, LogCode.Code> codes = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                try {
                    LogCode.Code code = type.getField(name).getAnnotation(LogCode.Code.class);
                    if (code == null) {
                        throw new IllegalStateException(type.getSimpleName() + "." + name + " has no @LogCode.Code");
                    }
                    codes.put(name, code);
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(name + " is not a constant of " + type.getSimpleName(), e);
                }
            }
            return Map.copyOf(codes);
        }
    };

    private LogCodeDefinitions() {
    }

    static LogCode.Code of(LogCode code) {
        return BY_ENUM.get(((Enum<?>) code).getDeclaringClass()).get(code.name());
    }
}
