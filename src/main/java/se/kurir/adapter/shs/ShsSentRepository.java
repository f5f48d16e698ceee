package se.kurir.adapter.shs;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import se.kurir.commit.GroupCommitWriter;
import se.kurir.delivery.ReceiptType;

/**
 * The messages SHS clients sent, joined with their receipts to find the confirm and error messages each sender's
 * outbox holds. See {@code V18__shs_sent.sql}.
 */
@Repository
class ShsSentRepository {

    /** One receipt that makes an adm message: the message it answers, which kind, and whether it was acknowledged. */
    record Outcome(String messageId, String admTxId, ReceiptType receipt, String reasonCode, Instant issuedAt,
            boolean acknowledged) {

        ShsAdmMessage.Kind kind() {
            return receipt == ReceiptType.ACKNOWLEDGED ? ShsAdmMessage.Kind.CONFIRM : ShsAdmMessage.Kind.ERROR;
        }
    }

    private static final String OUTCOMES = "SELECT s.message_id, s.confirm_tx_id, s.error_tx_id, "
            + "r.receipt_type, r.reason_code, r.issued_at, a.tx_id AS acked FROM shs_sent s "
            + "JOIN receipts r ON r.message_id = s.message_id "
            + "LEFT JOIN shs_adm_acks a ON a.tx_id = CASE WHEN r.receipt_type = 'ACKNOWLEDGED' THEN s.confirm_tx_id "
            + "ELSE s.error_tx_id END "
            + "WHERE ((s.confirm AND r.receipt_type = 'ACKNOWLEDGED') OR r.receipt_type IN ('REJECTED', 'FAILED', "
            + "'EXPIRED', 'RECIPIENT_ERROR')) AND ";

    private record Sent(String messageId, String sender, String outbox, boolean confirm, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    // Concurrent sends share a commit, as their admissions do: one more commit per message would be the SHS path's
    // largest cost.
    private final GroupCommitWriter<Sent, Boolean> writer;

    ShsSentRepository(JdbcTemplate jdbc, TransactionTemplate transactions, ShsProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writer = new GroupCommitWriter<>("kurir-shs-sent-writer", properties.sentMaxBatch(),
                properties.sentCommitTimeout(), this::insert);
    }

    @PreDestroy
    void close() throws InterruptedException {
        writer.close();
    }

    /**
     * Records a message an SHS client sent, once its row is committed; recording it again (the client sent it
     * twice) changes nothing.
     */
    void record(String messageId, String sender, String outbox, boolean confirm, Instant at) {
        try {
            writer.submit(new Sent(messageId, sender, outbox, confirm, at));
        } catch (GroupCommitWriter.NotCommittedException e) {
            if (!(e.getCause() instanceof DuplicateKeyException)) {
                throw e;
            }
            // The same transfer, recorded by a concurrent request: it is there, which is all that matters.
        }
    }

    private List<Boolean> insert(List<Sent> batch) {
        return transactions.execute(status -> batch.stream().map(s -> jdbc.update("INSERT INTO shs_sent "
                + "(message_id, sender, outbox, confirm, confirm_tx_id, error_tx_id, sent_at) SELECT ?, ?, ?, ?, ?, "
                + "?, ? WHERE NOT EXISTS (SELECT 1 FROM shs_sent WHERE message_id = ?)", s.messageId(), s.sender(),
                s.outbox(), s.confirm(), admTxId(ShsAdmMessage.Kind.CONFIRM, s.messageId()),
                admTxId(ShsAdmMessage.Kind.ERROR, s.messageId()), Timestamp.from(s.at()), s.messageId()) == 1)
                .toList());
    }

    /**
     * The newest adm messages of a sender, at most {@code limit}: those of one mailbox outbox, or, for an outbox
     * that names the organisation only ({@code mailbox} null), all of them.
     */
    List<Outcome> outcomes(String sender, String mailbox, int limit) {
        List<Object> arguments = new ArrayList<>(List.of(sender));
        String where = "s.sender = ?";
        if (mailbox != null) {
            where += " AND s.outbox = ?";
            arguments.add(mailbox);
        }
        return firstPerAdmMessage(jdbc.query(OUTCOMES + where + " ORDER BY r.issued_at DESC, r.id DESC FETCH FIRST "
                + limit + " ROWS ONLY", (rs, i) -> outcome(rs), arguments.toArray()));
    }

    Optional<Outcome> byAdmTxId(String txId) {
        return firstPerAdmMessage(jdbc.query(OUTCOMES + "(s.confirm_tx_id = ? OR s.error_tx_id = ?) ORDER BY "
                + "r.issued_at DESC, r.id DESC", (rs, i) -> outcome(rs), txId, txId)).stream()
                .filter(o -> o.admTxId().equals(txId)).findFirst();
    }

    /** Acknowledging twice is harmless. */
    void acknowledge(String txId, Instant at) {
        try {
            jdbc.update("INSERT INTO shs_adm_acks (tx_id, acknowledged_at) SELECT ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM shs_adm_acks WHERE tx_id = ?)", txId, Timestamp.from(at), txId);
        } catch (DuplicateKeyException e) {
            // Acknowledged by a concurrent request.
        }
    }

    /** The tx.id of a message's confirm or error message: fixed, so a list read twice names the same message. */
    static String admTxId(ShsAdmMessage.Kind kind, String messageId) {
        return UUID.nameUUIDFromBytes(("urn:kurir:shs-adm:" + kind.product() + ":" + messageId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Outcome outcome(ResultSet rs) throws SQLException {
        ReceiptType receipt = ReceiptType.valueOf(rs.getString("receipt_type"));
        return new Outcome(rs.getString("message_id"),
                rs.getString(receipt == ReceiptType.ACKNOWLEDGED ? "confirm_tx_id" : "error_tx_id"), receipt,
                rs.getString("reason_code"), rs.getTimestamp("issued_at").toInstant(), rs.getString("acked") != null);
    }

    /** A message failed twice (a replayed dead letter that failed again) still has one error message: its first. */
    private static List<Outcome> firstPerAdmMessage(List<Outcome> newestFirst) {
        Map<String, Outcome> earliest = new LinkedHashMap<>();
        newestFirst.forEach(outcome -> earliest.put(outcome.admTxId(), outcome));
        return List.copyOf(earliest.values());
    }
}
