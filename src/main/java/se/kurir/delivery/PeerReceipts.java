package se.kurir.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.registry.PeerNode;

/**
 * Receipts across a federation hop. The node that delivered a peer's message relays what then happened to it
 * (fetched, acknowledged, an error reported, quarantined) back to the node its sender is served by, in receipt order,
 * at least once; that node records each on its own copy of the message, where the sender reads its receipts, and
 * audits it naming the peer. Recording is idempotent, so a relay repeated after a crash changes nothing.
 */
@Service
public class PeerReceipts {

    /** What a peer relays: the recipient's doings. Acceptance and delivery the sender's node recorded itself. */
    static final Set<ReceiptType> RELAYED = Set.of(ReceiptType.FETCHED, ReceiptType.ACKNOWLEDGED,
            ReceiptType.RECIPIENT_ERROR, ReceiptType.QUARANTINED);

    /** A message the peer took over is past ACCEPTED there even if this node has not recorded the hand-over yet. */
    private static final Set<MessageState> TAKEN_OVER = Set.of(MessageState.ACCEPTED, MessageState.DELIVERED);

    /** @param id the receipt's number at the node that relays it, which orders and deduplicates the relay */
    public record Relayed(long id, String messageId, ReceiptType type, String reasonCode, Instant at) {
    }

    private final JdbcClient jdbc;
    private final MessageRepository messages;
    private final AuditLog audit;

    PeerReceipts(JdbcClient jdbc, MessageRepository messages, AuditLog audit) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
    }

    /**
     * Hands the next receipts of messages from the node's participants to {@code send}, and moves the node's cursor
     * past them once it returns. The cursor's row stays locked meanwhile, so nodes sharing a database relay each
     * receipt once between them; when {@code send} throws, the cursor stays and the same receipts go next time.
     *
     * @return how many were relayed
     */
    @Transactional
    public int relay(PeerNode node, int limit, Consumer<List<Relayed>> send) {
        if (node.participants().isEmpty()) {
            return 0;
        }
        long last = lockedCursor(node.id());
        List<Relayed> next = jdbc.sql("SELECT r.id, r.message_id, r.receipt_type, r.reason_code, r.issued_at "
                + "FROM receipts r JOIN messages m ON m.message_id = r.message_id WHERE r.id > :last "
                + "AND m.sender IN (:senders) AND r.receipt_type IN (:types) ORDER BY r.id "
                + "FETCH FIRST :limit ROWS ONLY")
                .param("last", last).param("senders", node.participants())
                .param("types", RELAYED.stream().map(Enum::name).toList()).param("limit", limit)
                .query((rs, i) -> new Relayed(rs.getLong(1), rs.getString(2), ReceiptType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).list();
        if (next.isEmpty()) {
            return 0;
        }
        send.accept(next);
        jdbc.sql("UPDATE peer_receipt_cursors SET last_receipt_id = ? WHERE node_id = ?")
                .params(next.get(next.size() - 1).id(), node.id()).update();
        return next.size();
    }

    private long lockedCursor(String nodeId) {
        Optional<Long> last = jdbc.sql("SELECT last_receipt_id FROM peer_receipt_cursors WHERE node_id = ? FOR UPDATE")
                .param(nodeId).query(Long.class).optional();
        if (last.isPresent()) {
            return last.get();
        }
        // A first relay of two nodes at once: one insert fails on the key, and that node relays next time.
        jdbc.sql("INSERT INTO peer_receipt_cursors (node_id, last_receipt_id) VALUES (?, 0)").param(nodeId).update();
        return 0;
    }

    /**
     * Records receipts the node relays, each on the message this node forwarded to it; a receipt about any other
     * message (one it was never sent, or one for a participant it does not serve) is not recorded.
     *
     * @return how many were about messages it was sent (recorded now or before)
     */
    public int record(PeerNode node, List<Relayed> receipts) {
        int known = 0;
        for (Relayed receipt : receipts) {
            Optional<MessageRecord> message = messages.find(receipt.messageId())
                    .filter(m -> node.serves(m.envelope().recipientParticipant()));
            if (message.isPresent() && RELAYED.contains(receipt.type())) {
                record(node, message.get(), receipt);
                known++;
            }
        }
        return known;
    }

    private void record(PeerNode node, MessageRecord message, Relayed receipt) {
        String actor = "node:" + node.id();
        Map<String, String> details = Map.of("peerNode", node.id());
        String id = message.messageId();
        switch (receipt.type()) {
            case FETCHED -> audit.appendIfChanged(MessageAudit.of(AuditEventType.MESSAGE_FETCHED, actor, message,
                    null, details), () -> messages.transition(id, TAKEN_OVER, MessageState.FETCHED, null,
                            ReceiptType.FETCHED, receipt.at()));
            case ACKNOWLEDGED -> audit.appendIfChanged(MessageAudit.of(AuditEventType.MESSAGE_ACKNOWLEDGED, actor,
                    message, null, details), () -> messages.transition(id, Set.of(MessageState.ACCEPTED,
                            MessageState.DELIVERED, MessageState.FETCHED), MessageState.ACKNOWLEDGED, null,
                            ReceiptType.ACKNOWLEDGED, receipt.at()));
            case QUARANTINED -> audit.appendIfChanged(MessageAudit.of(AuditEventType.RECIPIENT_ERROR_REPORTED, actor,
                    message, receipt.reasonCode(), Map.of("peerNode", node.id(), "quarantined", "true")),
                    () -> messages.transition(id, TAKEN_OVER, MessageState.QUARANTINED, receipt.reasonCode(),
                            ReceiptType.QUARANTINED, receipt.at()));
            default -> audit.appendIfChanged(MessageAudit.of(AuditEventType.RECIPIENT_ERROR_REPORTED, actor, message,
                    receipt.reasonCode(), Map.of("peerNode", node.id(), "quarantined", "false")),
                    () -> recordOnce(new Receipt(id, receipt.type(), receipt.reasonCode(), receipt.at())));
        }
    }

    private boolean recordOnce(Receipt receipt) {
        if (messages.receipts(receipt.messageId()).contains(receipt)) {
            return false;
        }
        messages.insertReceipt(receipt);
        return true;
    }
}
