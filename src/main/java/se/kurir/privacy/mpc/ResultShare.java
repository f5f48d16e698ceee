package se.kurir.privacy.mpc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * One compute party's answer: per public category, how many joined records it saw (the same at every party, since
 * the join is on public pseudonyms) and its share of each column's sum.
 */
public record ResultShare(String jobId, Map<Integer, Long> counts, Map<Integer, long[]> sumShares) {

    void write(DataOutputStream out) throws IOException {
        MpcWire.header(out, MpcWire.RESULT, jobId);
        out.writeInt(counts.size());
        for (var entry : new TreeMap<>(counts).entrySet()) {
            long[] sums = sumShares.get(entry.getKey());
            out.writeInt(entry.getKey());
            out.writeLong(entry.getValue());
            out.writeShort(sums.length);
            for (long share : sums) {
                out.writeLong(share);
            }
        }
        out.flush();
    }

    static ResultShare read(DataInputStream in, String jobId) throws IOException {
        MpcWire.expectHeader(in, MpcWire.RESULT, jobId);
        int categories = in.readInt();
        Map<Integer, Long> counts = new TreeMap<>();
        Map<Integer, long[]> sums = new TreeMap<>();
        for (int c = 0; c < categories; c++) {
            int category = in.readInt();
            counts.put(category, in.readLong());
            long[] shares = new long[in.readShort()];
            for (int i = 0; i < shares.length; i++) {
                shares[i] = in.readLong();
            }
            sums.put(category, shares);
        }
        return new ResultShare(jobId, counts, sums);
    }
}
