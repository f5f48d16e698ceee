package se.kurir.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit_log table. Only ever inserted into; never updated or deleted by the application. */
@Repository
class AuditRepository {

    private static final String COLUMNS = "seq, recorded_at, event_type, actor, message_id, sender, recipient, "
            + "product, reason_code, legal_basis, details, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;

    AuditRepository(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transaction = transaction;
    }

    /** The chain's head, from which the next batch continues. */
    record Head(long seq, String hash) {
    }

    /** What one batch appends after the head it was given: its records and the checkpoint it ends with, if any. */
    record Batch(List<AuditRecord> records, AuditCheckpoint checkpoint) {
    }

    /**
     * One transaction, one commit, for the whole batch: the state changes the records record ({@code changes}), the
     * records, and the checkpoint the batch ends with, if any. The head is read under a row lock and moved in the same
     * transaction, so appends from every node sharing the database form one chain: a second node's batch waits for
     * the first to commit and continues from where it ended. The changes run first, so the records can leave out
     * what a change found already done.
     */
    Batch insert(Runnable changes, Function<Head, Batch> batchAfter) {
        return transaction.execute(status -> {
            Head head = jdbc.queryForObject("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
                    (rs, row) -> new Head(rs.getLong("seq"), rs.getString("hash")));
            changes.run();
            Batch batch = batchAfter.apply(head);
            if (!batch.records().isEmpty()) {
                insertRecords(batch.records());
                AuditRecord last = batch.records().get(batch.records().size() - 1);
                jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", last.seq(), last.hash());
            }
            AuditCheckpoint checkpoint = batch.checkpoint();
            if (checkpoint != null) {
                jdbc.update("INSERT INTO audit_checkpoints (seq, hash, signed_at, key_id, signature) VALUES "
                        + "(?, ?, ?, ?, ?)", checkpoint.seq(), checkpoint.hash(), Timestamp.from(checkpoint.signedAt()),
                        checkpoint.keyId(), checkpoint.signature());
            }
            return batch;
        });
    }

    Optional<AuditCheckpoint> lastCheckpoint() {
        return jdbc.query("SELECT * FROM audit_checkpoints ORDER BY seq DESC LIMIT 1", AuditRepository::checkpoint)
                .stream().findFirst();
    }

    /** Every checkpoint by sequence number; one per so many records, so they fit in memory. */
    java.util.NavigableMap<Long, AuditCheckpoint> checkpoints() {
        var all = new java.util.TreeMap<Long, AuditCheckpoint>();
        jdbc.query("SELECT * FROM audit_checkpoints ORDER BY seq", AuditRepository::checkpoint)
                .forEach(c -> all.put(c.seq(), c));
        return all;
    }

    private static AuditCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new AuditCheckpoint(rs.getLong("seq"), rs.getString("hash"), rs.getTimestamp("signed_at").toInstant(),
                rs.getString("key_id"), rs.getString("signature"));
    }

    private void insertRecords(List<AuditRecord> records) {
        jdbc.batchUpdate("INSERT INTO audit_log (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records, records.size(), (ps, r) -> {
                    ps.setLong(1, r.seq());
                    ps.setTimestamp(2, Timestamp.from(r.recordedAt()));
                    ps.setString(3, r.type().name());
                    ps.setString(4, r.actor());
                    ps.setString(5, r.messageId());
                    ps.setString(6, r.sender());
                    ps.setString(7, r.recipient());
                    ps.setString(8, r.product());
                    ps.setString(9, r.reasonCode());
                    ps.setString(10, r.legalBasis());
                    ps.setString(11, r.details());
                    ps.setString(12, r.prevHash());
                    ps.setString(13, r.hash());
                });
    }

    /** Streams every record in chain order without holding the log in memory. */
    void forEachInOrder(Consumer<AuditRecord> consumer) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq");
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            consumer.accept(map(rs, 0));
        });
    }

    List<AuditRecord> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.messageId() != null) {
            sql.append(" AND message_id = :messageId");
            params.addValue("messageId", query.messageId());
        }
        if (query.participant() != null) {
            // A recipient is a mailbox of the participant, or (subscriptions) the participant itself.
            sql.append(" AND (actor = :participant OR sender = :participant OR recipient = :participant "
                    + "OR recipient LIKE :mailboxes)");
            params.addValue("participant", query.participant()).addValue("mailboxes", query.participant() + ".%");
        }
        if (query.product() != null) {
            sql.append(" AND product = :product");
            params.addValue("product", query.product());
        }
        if (query.from() != null) {
            sql.append(" AND recorded_at >= :from");
            params.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND recorded_at < :to");
            params.addValue("to", Timestamp.from(query.to()));
        }
        sql.append(" ORDER BY seq LIMIT :limit");
        params.addValue("limit", query.limit());
        return new ArrayList<>(named.query(sql.toString(), params, AuditRepository::map));
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(),
                AuditEventType.valueOf(rs.getString("event_type")), rs.getString("actor"), rs.getString("message_id"),
                rs.getString("sender"), rs.getString("recipient"), rs.getString("product"),
                rs.getString("reason_code"), rs.getString("legal_basis"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
