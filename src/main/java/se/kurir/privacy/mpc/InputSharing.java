package se.kurir.privacy.mpc;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * What an input party's gateway sends: the population party its pseudonyms, the same to every compute party; the
 * values party one share stream per compute party, each value split afresh, streamed record by record.
 */
public final class InputSharing {

    private final MpcJob job;
    private final AdditiveSharing sharing;

    public InputSharing(MpcJob job, AdditiveSharing sharing) {
        this.job = job;
        this.sharing = sharing;
    }

    /** @return how many pseudonyms were sent */
    public long sendPopulation(Iterator<Long> pseudonyms, List<DataOutputStream> computeParties)
            throws IOException {
        for (DataOutputStream out : computeParties) {
            MpcWire.header(out, MpcWire.POPULATION, job.id());
        }
        long count = 0;
        while (pseudonyms.hasNext()) {
            long pseudonym = pseudonyms.next();
            for (DataOutputStream out : computeParties) {
                out.writeByte(MpcWire.MORE);
                out.writeLong(pseudonym);
            }
            count++;
        }
        finish(computeParties);
        return count;
    }

    /**
     * Shares the values (for COUNT_ABOVE, the one indicator "sum above the threshold" the values party computes on
     * its own data first).
     *
     * @return how many records were sent
     */
    public long sendShares(Iterator<InputRecord> records, List<DataOutputStream> computeParties) throws IOException {
        int parties = computeParties.size();
        if (parties != job.computeParties().size()) {
            throw new IllegalArgumentException("computeParties: the job names " + job.computeParties().size());
        }
        for (DataOutputStream out : computeParties) {
            MpcWire.header(out, MpcWire.SHARES, job.id());
        }
        long[] shares = new long[parties];
        long count = 0;
        while (records.hasNext()) {
            InputRecord record = records.next();
            long[] columns = job.computation() == MpcJob.Computation.COUNT_ABOVE
                    ? new long[] {sum(record.values()) > job.threshold() ? 1 : 0} : record.values();
            for (DataOutputStream out : computeParties) {
                out.writeByte(MpcWire.MORE);
                out.writeLong(record.pseudonym());
                out.writeInt(record.category());
                out.writeShort(columns.length);
            }
            for (long value : columns) {
                sharing.split(value, shares);
                for (int p = 0; p < parties; p++) {
                    computeParties.get(p).writeLong(shares[p]);
                }
            }
            count++;
        }
        finish(computeParties);
        return count;
    }

    private static void finish(List<DataOutputStream> computeParties) throws IOException {
        for (DataOutputStream out : computeParties) {
            out.writeByte(MpcWire.END);
            out.flush();
        }
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum;
    }
}
