package se.kurir.audit;

/**
 * Result of recomputing the chain.
 *
 * @param firstBrokenSeq the first record whose hash, link or sequence number is wrong; null when the chain holds
 * @param problem what is wrong with that record
 * @param headSeq the last record checked
 * @param headHash its hash. A chain cannot show that records were cut off its end; an auditor who keeps the head
 *     outside the gateway can (signed checkpoints will do the same with keys)
 */
public record AuditVerification(boolean valid, long recordsChecked, Long firstBrokenSeq, String problem,
        long headSeq, String headHash) {
}
