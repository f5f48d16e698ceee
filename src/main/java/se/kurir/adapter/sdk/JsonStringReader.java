package se.kurir.adapter.sdk;

import java.io.IOException;
import java.io.Reader;

/**
 * One JSON string value read as it streams, from its opening quote to its closing one, escapes decoded: how a
 * base64 attachment of many megabytes passes from a JSON request into an XML message without being held.
 */
final class JsonStringReader extends Reader {

    private final Reader in;
    private boolean started;
    private boolean ended;

    /** @param in positioned at the string's opening quote */
    JsonStringReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (!started) {
            started = true;
            if (in.read() != '"') {
                throw new IOException("not at the start of a JSON string");
            }
        }
        if (ended || length == 0) {
            return ended ? -1 : 0;
        }
        int n = 0;
        while (n < length) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the JSON string ends without its closing quote");
            }
            if (c == '"') {
                ended = true;
                break;
            }
            buffer[offset + n++] = c == '\\' ? escaped() : (char) c;
        }
        return n == 0 && ended ? -1 : n;
    }

    private char escaped() throws IOException {
        int c = in.read();
        return switch (c) {
            case '"', '\\', '/' -> (char) c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                char[] hex = new char[4];
                for (int i = 0; i < 4; i++) {
                    int h = in.read();
                    if (h < 0) {
                        throw new IOException("the JSON string ends inside a \\u escape");
                    }
                    hex[i] = (char) h;
                }
                try {
                    yield (char) Integer.parseInt(new String(hex), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("a \\u escape that is not hexadecimal", e);
                }
            }
            default -> throw new IOException("an escape JSON does not have");
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
