package se.kurir.adapter.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a payload (RFC 9110 section 14): {@code bytes=first-last}, {@code bytes=first-} or
 * {@code bytes=-suffix}. Several ranges in one request are not offered: a recipient resuming a download asks for one.
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    boolean reachesEnd(long size) {
        return last == size - 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range a {@code Range} header asks for within a payload of {@code size} bytes.
     *
     * @throws RangeNotSatisfiableException when the header is malformed or no byte of it lies in the payload
     */
    static ByteRange parse(String header, long size) {
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            throw new RangeNotSatisfiableException(size);
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new RangeNotSatisfiableException(size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size || last < first) {
                throw new RangeNotSatisfiableException(size);
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            throw new RangeNotSatisfiableException(size);
        }
    }

    /** Answered 416 with the payload's size, so the client can ask again. */
    static final class RangeNotSatisfiableException extends RuntimeException {

        private final long size;

        RangeNotSatisfiableException(long size) {
            super("Range: not a single satisfiable byte range of a payload of " + size + " bytes");
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
