package se.kurir.adapter.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.io.InputStream;

/** Reads a bytes message's body as a stream; for a large Artemis message the chunks arrive as they are read. */
final class BytesMessageInputStream extends InputStream {

    private final BytesMessage message;
    private final byte[] one = new byte[1];

    BytesMessageInputStream(BytesMessage message) {
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            if (offset == 0) {
                return message.readBytes(buffer, length);
            }
            byte[] chunk = new byte[length];
            int read = message.readBytes(chunk, length);
            if (read > 0) {
                System.arraycopy(chunk, 0, buffer, offset, read);
            }
            return read;
        } catch (JMSException e) {
            throw new IOException("cannot read the message body: " + e.getMessage(), e);
        }
    }
}
