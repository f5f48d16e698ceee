package se.kurir.privacy.mpc;

import java.util.List;

/**
 * What the result recipient learns, and nothing more: for SUM the count and column totals (category 0), for
 * COUNT_ABOVE the count above the threshold ({@code sums[0]}) out of {@code count}, for HISTOGRAM one entry per
 * category.
 */
public record MpcResult(String jobId, MpcJob.Computation computation, List<Category> categories) {

    public record Category(int category, long count, long[] sums) {
    }

    public long count() {
        return categories.stream().mapToLong(Category::count).sum();
    }

    /** The total of one column over all categories. */
    public long total(int column) {
        return categories.stream().mapToLong(c -> c.sums()[column]).sum();
    }
}
