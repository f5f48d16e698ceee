package se.kurir.audit;

/**
 * Result of recomputing the chain.
 *
 * @param firstBrokenSeq the first record whose hash, link or sequence number is wrong; null when the chain holds
 * @param problem what is wrong with that record
 */
public record AuditVerification(boolean valid, long recordsChecked, Long firstBrokenSeq, String problem) {
}
