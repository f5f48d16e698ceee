package se.kurir.privacy.mpc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The framing every stream of a job starts with, so a stream for another job or of another kind is refused. */
final class MpcWire {

    static final int MAGIC = 0x4b4d5043; // "KMPC"
    static final byte POPULATION = 1;
    static final byte SHARES = 2;
    static final byte RESULT = 3;
    static final byte MORE = 1;
    static final byte END = 0;

    private MpcWire() {
    }

    static void header(DataOutputStream out, byte kind, String jobId) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(kind);
        out.writeUTF(jobId);
    }

    static void expectHeader(DataInputStream in, byte kind, String jobId) throws IOException {
        if (in.readInt() != MAGIC || in.readByte() != kind) {
            throw new IOException("MPC: not a stream of the expected kind");
        }
        String job = in.readUTF();
        if (!job.equals(jobId)) {
            throw new IOException("MPC: a stream of job " + job + " where job " + jobId + " was expected");
        }
    }
}
