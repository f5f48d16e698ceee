package se.kurir.audit;

/**
 * Result of recomputing the chain.
 *
 * @param firstBrokenSeq the first record whose hash, link or sequence number is wrong; null when the chain holds
 * @param problem what is wrong with that record
 * @param headSeq the last record checked
 * @param headHash its hash. A chain alone cannot show that records were cut off its end or that it was rewritten
 *     with every hash recomputed: an auditor who kept a head (seq and hash) outside the gateway passes it to the
 *     check, and the node's signed checkpoints do the same with its key
 * @param checkpointsChecked signed checkpoints whose record and signature were checked
 * @param lastCheckpointSeq the newest signed checkpoint, 0 when there is none
 */
public record AuditVerification(boolean valid, long recordsChecked, Long firstBrokenSeq, String problem,
        long headSeq, String headHash, int checkpointsChecked, long lastCheckpointSeq) {
}
