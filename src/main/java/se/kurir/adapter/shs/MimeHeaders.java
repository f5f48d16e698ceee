package se.kurir.adapter.shs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers of a MIME entity, read as SHS clients write them: folded lines unfolded, names in any case, and values
 * with Swedish characters raw, in UTF-8 or in ISO-8859-1 (the bytes are taken as UTF-8 where they are UTF-8).
 */
final class MimeHeaders {

    private static final Pattern PARAMETER = Pattern.compile(
            ";\\s*([A-Za-z0-9*_.-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");

    private final Map<String, String> values;

    private MimeHeaders(Map<String, String> values) {
        this.values = values;
    }

    /** @param block the header lines as ISO-8859-1 characters, one per byte, without the blank line after them */
    static MimeHeaders parse(String block) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : block.replaceAll("\\r?\\n[ \\t]+", " ").split("\\r?\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                values.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        asUtf8IfUtf8(line.substring(colon + 1).strip()));
            }
        }
        return new MimeHeaders(values);
    }

    private static String asUtf8IfUtf8(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return latin1;
        }
    }

    String get(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    /** The value before its parameters ({@code multipart/mixed} of {@code multipart/mixed; boundary=x}), lower case. */
    String value(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** A parameter of a header ({@code boundary}, {@code charset}, {@code filename}), unquoted; null when absent. */
    String parameter(String name, String parameter) {
        return parameterOf(get(name), parameter);
    }

    /** A parameter of a header value such as {@code multipart/mixed; boundary="x"}; null when absent. */
    static String parameterOf(String value, String parameter) {
        if (value == null) {
            return null;
        }
        Matcher m = PARAMETER.matcher(value);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(parameter)) {
                return m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            }
        }
        return null;
    }
}
