package se.kurir.privacy.mpc;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One compute party's work on a job: keep the population's pseudonyms, add up the shares of the records that join
 * them, answer the result share. It sees pseudonyms, public categories and uniformly random shares; never a value.
 * Memory: eight bytes per person of the population, nothing per shared record.
 */
public final class ComputeParty {

    private final MpcJob job;
    private long[] population = new long[0];

    public ComputeParty(MpcJob job) {
        this.job = job;
    }

    public void receivePopulation(DataInputStream in) throws IOException {
        MpcWire.expectHeader(in, MpcWire.POPULATION, job.id());
        long[] pseudonyms = new long[1024];
        int size = 0;
        while (in.readByte() == MpcWire.MORE) {
            if (size == pseudonyms.length) {
                pseudonyms = Arrays.copyOf(pseudonyms, size * 2);
            }
            pseudonyms[size++] = in.readLong();
        }
        population = Arrays.copyOf(pseudonyms, size);
        Arrays.sort(population);
    }

    public ResultShare receiveShares(DataInputStream in) throws IOException {
        MpcWire.expectHeader(in, MpcWire.SHARES, job.id());
        Map<Integer, Long> counts = new TreeMap<>();
        Map<Integer, long[]> sums = new TreeMap<>();
        while (in.readByte() == MpcWire.MORE) {
            long pseudonym = in.readLong();
            int category = job.computation() == MpcJob.Computation.HISTOGRAM ? in.readInt() : skipInt(in);
            int columns = in.readShort();
            boolean joined = Arrays.binarySearch(population, pseudonym) >= 0;
            long[] categorySums = joined ? sums.computeIfAbsent(category, c -> new long[columns]) : null;
            for (int i = 0; i < columns; i++) {
                long share = in.readLong();
                if (joined) {
                    categorySums[i] += share;
                }
            }
            if (joined) {
                counts.merge(category, 1L, Long::sum);
            }
        }
        return new ResultShare(job.id(), counts, sums);
    }

    /** Answers the result share, to the result recipient only (the caller has checked who asks). */
    public static void answer(ResultShare share, DataOutputStream out) throws IOException {
        share.write(out);
    }

    private static int skipInt(DataInputStream in) throws IOException {
        in.readInt();
        return 0;
    }
}
