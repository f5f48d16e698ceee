package se.kurir.privacy.mpc;

/**
 * One person's row at the values party, before sharing.
 *
 * @param pseudonym the person's job pseudonym ({@link JobPseudonyms}), the only join key the compute parties see
 * @param category a public category (a region, an age band) for histograms; 0 when unused
 */
public record InputRecord(long pseudonym, int category, long[] values) {
}
