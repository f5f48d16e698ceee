package se.kurir.privacy.mpc;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The result recipient's side: one result share from every compute party, added up. */
public final class ResultReconstruction {

    private ResultReconstruction() {
    }

    public static ResultShare read(DataInputStream in, String jobId) throws IOException {
        return ResultShare.read(in, jobId);
    }

    /**
     * @return per category: the count, and each column's sum
     * @throws IllegalStateException when the compute parties disagree on what they joined, or a share is missing
     */
    public static MpcResult reconstruct(MpcJob job, List<ResultShare> shares) {
        if (shares.size() != job.computeParties().size()) {
            throw new IllegalStateException("result shares: " + shares.size() + " of "
                    + job.computeParties().size() + "; every compute party's share is needed");
        }
        Map<Integer, Long> counts = shares.get(0).counts();
        Map<Integer, long[]> sums = new TreeMap<>();
        for (ResultShare share : shares) {
            if (!share.jobId().equals(job.id()) || !share.counts().equals(counts)) {
                throw new IllegalStateException("result shares: the compute parties disagree on the join");
            }
            share.sumShares().forEach((category, partial) -> {
                long[] total = sums.computeIfAbsent(category, c -> new long[partial.length]);
                for (int i = 0; i < partial.length; i++) {
                    total[i] += partial[i];
                }
            });
        }
        List<MpcResult.Category> categories = new ArrayList<>();
        counts.forEach((category, count) -> categories.add(new MpcResult.Category(category, count,
                sums.get(category))));
        return new MpcResult(job.id(), job.computation(), categories);
    }
}
