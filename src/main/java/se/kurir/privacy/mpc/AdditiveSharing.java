package se.kurir.privacy.mpc;

import java.security.SecureRandom;

/**
 * Splits values into additive shares modulo 2^64 and joins them again. Fresh randomness for every value: the
 * platform's DRBG, never a reused mask.
 */
public final class AdditiveSharing {

    private final SecureRandom random;

    public AdditiveSharing(SecureRandom random) {
        this.random = random;
    }

    /** Writes the shares of {@code value} into {@code shares[0..n-1]}: all random but the last. */
    public void split(long value, long[] shares) {
        long sum = 0;
        for (int i = 0; i < shares.length - 1; i++) {
            shares[i] = random.nextLong();
            sum += shares[i];
        }
        shares[shares.length - 1] = value - sum;
    }

    /** The value the shares stand for: their sum modulo 2^64. */
    public static long join(long... shares) {
        long sum = 0;
        for (long share : shares) {
            sum += share;
        }
        return sum;
    }
}
