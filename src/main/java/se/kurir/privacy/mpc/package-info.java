/**
 * Secure multi-party computation by additive secret sharing over the ring Z_2^64 (Java's {@code long} arithmetic,
 * which wraps modulo 2^64). An input party's gateway splits each value v into n shares s_1..s_n, n-1 of them fresh
 * uniform random and the last v - (s_1 + ... + s_(n-1)), and sends share i only to compute party i. Any n-1 shares are
 * uniformly random and independent of v, so no compute party, and no coalition short of all of them, learns anything
 * about an input. Compute parties add shares (sums, counts, histograms by a public category are linear) and answer
 * their result share to the result recipient only, which adds them up.
 *
 * <p>Security model: semi-honest (honest-but-curious) compute parties, collusion threshold n-1 of n for privacy; a
 * compute party that deviates can falsify the result undetected (no MACs). Records are joined on keyed pseudonyms
 * (HMAC-SHA256 under a key the input parties hold for the job and the compute parties do not): compute parties
 * learn how many pseudonyms the inputs share, not whose. Comparisons against a public threshold are made by the input
 * party that holds the value, before sharing, so the compute parties' work stays linear.
 */
package se.kurir.privacy.mpc;
