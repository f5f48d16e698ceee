package se.kurir.payload;

import java.util.regex.Pattern;

/**
 * A payload's media type as a sender gives it (multipart part header, upload, broker property). It is recorded with
 * the message and repeated in every part header the gateway writes (push, download), so it must be a plain
 * {@code type/subtype} with optional parameters (RFC 6838 names), fit its column and carry no control characters:
 * a CR/LF would let a sender write headers of its own into a pushed request.
 */
public final class PayloadMediaType {

    public static final String DEFAULT = "application/octet-stream";
    static final int MAX_LENGTH = 200;

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";
    private static final Pattern MEDIA_TYPE = Pattern.compile(NAME + "/" + NAME
            + "(\\s*;\\s*" + NAME + "=(" + NAME + "|\"[^\"\\\\\\x00-\\x1f\\x7f]*\"))*");

    private PayloadMediaType() {
    }

    /**
     * The media type to record; {@value #DEFAULT} when none was given.
     *
     * @param field how the caller names where it came from, for the refusal
     * @throws InvalidMediaTypeException naming the field
     */
    public static String check(String field, String given) {
        if (given == null || given.isBlank()) {
            return DEFAULT;
        }
        if (given.length() > MAX_LENGTH) {
            throw new InvalidMediaTypeException(field + ": longer than " + MAX_LENGTH + " characters");
        }
        if (!MEDIA_TYPE.matcher(given.strip()).matches()) {
            throw new InvalidMediaTypeException(field + ": not a media type (type/subtype, optional parameters, no "
                    + "control characters)");
        }
        return given.strip();
    }

    /** The sender's media type is unusable; the code is part of the public API. */
    public static final class InvalidMediaTypeException extends RuntimeException {

        public static final PayloadProblem CODE = PayloadProblem.MEDIA_TYPE_INVALID;

        InvalidMediaTypeException(String detail) {
            super(detail);
        }
    }
}
