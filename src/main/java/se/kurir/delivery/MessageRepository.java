package se.kurir.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.kurir.envelope.Envelope;
import se.kurir.payload.StoredPayload;

/** The messages and receipts tables. A state change and its receipt commit together. */
@Repository
class MessageRepository {

    private static final String COLUMNS = "message_id, sender, recipient, product, state, reason_code, agreement_id, "
            + "payload_sha256, payload_size, media_type, envelope, received_at, updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    MessageRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the message; a second insert of the same id fails with a DuplicateKeyException. */
    @Transactional
    void insert(MessageRecord m, ReceiptType receipt) {
        jdbc.sql("INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.messageId(), m.sender(), m.recipient(), m.product(), m.state().name(), m.reasonCode(),
                        m.agreementId(), m.payload().sha256(), m.payload().size(), m.mediaType(),
                        toJson(m.envelope()), Timestamp.from(m.receivedAt()), Timestamp.from(m.updatedAt()))
                .update();
        if (receipt != null) {
            insertReceipt(new Receipt(m.messageId(), receipt, m.reasonCode(), m.receivedAt()));
        }
    }

    /**
     * Moves a message to {@code to} if it is in one of {@code from}, and writes the receipt in the same transaction.
     * Returns false, changing nothing, when the message was not in a {@code from} state: this is what makes repeated
     * deliveries and acknowledgements harmless.
     */
    @Transactional
    boolean transition(String messageId, Collection<MessageState> from, MessageState to, String reasonCode,
            ReceiptType receipt, Instant at) {
        int changed = jdbc.sql("UPDATE messages SET state = :to, reason_code = COALESCE(:reason, reason_code), "
                + "updated_at = :at WHERE message_id = :id AND state IN (:from)")
                .param("to", to.name()).param("reason", reasonCode).param("at", Timestamp.from(at))
                .param("id", messageId).param("from", from.stream().map(Enum::name).toList()).update();
        if (changed == 1 && receipt != null) {
            insertReceipt(new Receipt(messageId, receipt, reasonCode, at));
        }
        return changed == 1;
    }

    /** Delivered, by this broker message, at the mailbox's next place: one atomic step, the receipt with it. */
    @Transactional
    boolean markDelivered(String messageId, String recipient, String brokerMessageId, Instant at) {
        int changed = jdbc.sql("UPDATE messages SET state = 'DELIVERED', delivered_by = :by, updated_at = :at "
                + "WHERE message_id = :id AND state = 'ACCEPTED'")
                .param("by", brokerMessageId).param("at", Timestamp.from(at)).param("id", messageId).update();
        if (changed == 1) {
            jdbc.sql("UPDATE messages SET mailbox_seq = ? WHERE message_id = ?").params(nextPlace(recipient),
                    messageId).update();
            insertReceipt(new Receipt(messageId, ReceiptType.DELIVERED, null, at));
        }
        return changed == 1;
    }

    /**
     * The mailbox's next place (V15), taken under the row lock of its head until this transaction ends. A mailbox's
     * first delivery creates its head; another node creating it at the same moment fails on the key and its delivery
     * is tried again.
     */
    private long nextPlace(String mailbox) {
        if (jdbc.sql("UPDATE mailbox_heads SET last_seq = last_seq + 1 WHERE mailbox = ?").param(mailbox)
                .update() == 0) {
            jdbc.sql("INSERT INTO mailbox_heads (mailbox, last_seq) VALUES (?, 1)").param(mailbox).update();
        }
        return jdbc.sql("SELECT last_seq FROM mailbox_heads WHERE mailbox = ?").param(mailbox).query(Long.class)
                .single();
    }

    /** Whether this broker message is the one whose hand-over recorded the message as delivered. */
    boolean deliveredBy(String messageId, String brokerMessageId) {
        return brokerMessageId != null && jdbc.sql("SELECT COUNT(*) FROM messages WHERE message_id = ? "
                + "AND state = 'DELIVERED' AND delivered_by = ?").params(messageId, brokerMessageId)
                .query(Long.class).single() > 0;
    }

    void insertReceipt(Receipt r) {
        jdbc.sql("INSERT INTO receipts (message_id, receipt_type, reason_code, issued_at) VALUES (?, ?, ?, ?)")
                .params(r.messageId(), r.type().name(), r.reasonCode(), Timestamp.from(r.at())).update();
    }

    boolean referencesPayload(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE payload_sha256 = ?").param(sha256)
                .query(Long.class).single() > 0;
    }

    Optional<MessageRecord> find(String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE message_id = ?").param(messageId)
                .query(this::map).optional();
    }

    /** A page of the mailbox in mailbox order (the order deliveries committed). */
    MailboxPage inMailbox(String mailbox, MailboxFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", mailbox_seq FROM messages "
                + "WHERE recipient = :mailbox AND state IN (:states)");
        var params = new HashMap<String, Object>();
        params.put("mailbox", mailbox);
        params.put("states", filter.state() != null ? List.of(filter.state().name())
                : MessageState.IN_MAILBOX.stream().map(Enum::name).toList());
        params.put("limit", filter.limit());
        // Each filter that is set adds its condition and its value together.
        if (filter.product() != null) {
            sql.append(" AND product = :product");
            params.put("product", filter.product());
        }
        if (filter.since() != null) {
            sql.append(" AND received_at >= :since");
            params.put("since", Timestamp.from(filter.since()));
        }
        if (filter.after() != null) {
            sql.append(" AND mailbox_seq > :after");
            params.put("after", filter.after().place());
        }
        sql.append(" ORDER BY mailbox_seq LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).params(params);
        List<Placed> page = statement.query((rs, row) -> new Placed(map(rs, row), rs.getLong("mailbox_seq"))).list();
        return new MailboxPage(page.stream().map(Placed::message).toList(), page.isEmpty() ? filter.after()
                : new MailboxCursor(page.get(page.size() - 1).place()));
    }

    private record Placed(MessageRecord message, long place) {
    }

    /** What a sender sent of a product, newest first. */
    List<MessageRecord> sentBy(String sender, String product, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE sender = ? AND product = ? "
                + "ORDER BY received_at DESC LIMIT ?").params(sender, product, limit).query(this::map).list();
    }

    /** What a sender sent to any of a participant's mailboxes, newest first, leaving out what policy rejected. */
    List<MessageRecord> fromSenderTo(String sender, String participant, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE sender = ? AND recipient LIKE ? "
                + "AND state <> 'REJECTED' ORDER BY received_at DESC LIMIT ?").params(sender, participant + ".%", limit)
                .query(this::map).list();
    }

    /** Messages in a state that have not changed since {@code unchangedSince}, oldest first. */
    List<MessageRecord> inState(MessageState state, Instant unchangedSince, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE state = ? AND updated_at < ? "
                + "ORDER BY updated_at LIMIT ?").params(state.name(), Timestamp.from(unchangedSince), limit)
                .query(this::map).list();
    }

    /** Counts a failed delivery attempt; committed on its own, whatever happens to the broker transaction. */
    void recordFailedAttempt(String messageId, String error, Instant at) {
        jdbc.sql("UPDATE messages SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE message_id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(at), messageId)
                .update();
    }

    /** Marks activity on a message still waiting (a delivery attempt), so it does not look stale. */
    void touch(String messageId, Instant at) {
        jdbc.sql("UPDATE messages SET updated_at = ? WHERE message_id = ? AND state = 'ACCEPTED'")
                .params(Timestamp.from(at), messageId).update();
    }

    void resetAttempts(String messageId) {
        jdbc.sql("UPDATE messages SET attempts = 0, last_error = NULL WHERE message_id = ?").param(messageId).update();
    }

    private static final String DEAD_LETTER_COLUMNS = "message_id, sender, recipient, product, attempts, last_error, "
            + "updated_at";

    DeadLetter deadLetterView(String messageId) {
        return jdbc.sql("SELECT " + DEAD_LETTER_COLUMNS + " FROM messages WHERE message_id = ?").param(messageId)
                .query(MessageRepository::deadLetter).single();
    }

    long countInState(MessageState state) {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE state = ?").param(state.name()).query(Long.class).single();
    }

    List<DeadLetter> deadLetters(int limit) {
        return jdbc.sql("SELECT " + DEAD_LETTER_COLUMNS + " FROM messages WHERE state = 'FAILED' ORDER BY updated_at "
                + "LIMIT ?").param(limit).query(MessageRepository::deadLetter).list();
    }

    private static DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }

    /** Per mailbox: messages accepted but not yet delivered, and when the oldest of them was received. */
    List<Backlog> backlog() {
        return jdbc.sql("SELECT recipient, COUNT(*), MIN(received_at) FROM messages WHERE state = 'ACCEPTED' "
                + "GROUP BY recipient").query((rs, i) -> new Backlog(rs.getString(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant())).list();
    }

    List<Receipt> receipts(String messageId) {
        return jdbc.sql("SELECT message_id, receipt_type, reason_code, issued_at FROM receipts WHERE message_id = ? "
                + "ORDER BY issued_at, id").param(messageId).query((rs, i) -> new Receipt(rs.getString(1),
                        ReceiptType.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    private MessageRecord map(ResultSet rs, int row) throws SQLException {
        return new MessageRecord(rs.getString("message_id"), rs.getString("sender"), fromJson(rs.getString("envelope")),
                MessageState.valueOf(rs.getString("state")), rs.getString("reason_code"), rs.getString("agreement_id"),
                new StoredPayload(rs.getString("payload_sha256"), rs.getLong("payload_size")),
                rs.getString("media_type"), rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private String toJson(Envelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise envelope", e);
        }
    }

    private Envelope fromJson(String text) {
        try {
            return json.readValue(text, Envelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored envelope is unreadable", e);
        }
    }
}
