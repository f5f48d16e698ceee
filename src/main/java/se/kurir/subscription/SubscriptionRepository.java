package se.kurir.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subscriptions table: one row, and so one cursor, per subscription. */
@Repository
class SubscriptionRepository {

    private static final String COLUMNS = "id, consumer, product, agreement_id, filter, delivery_mode, push_mailbox, "
            + "cursor_position, created_at, attempts, last_error";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SubscriptionRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Subscription s) {
        jdbc.sql("INSERT INTO subscriptions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.consumer(), s.product(), s.agreementId(), write(s.filter()),
                        s.deliveryMode().name(), s.pushMailbox(), s.cursor(), Timestamp.from(s.createdAt()),
                        s.attempts(), s.lastError())
                .update();
    }

    Optional<Subscription> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?").param(id).query(this::row)
                .optional();
    }

    List<Subscription> ofConsumer(String consumer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE consumer = ? ORDER BY created_at, id")
                .param(consumer).query(this::row).list();
    }

    /** Every subscription the gateway delivers itself (push and broker queue). */
    List<Subscription> delivered() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE delivery_mode <> 'PULL' ORDER BY id")
                .query(this::row).list();
    }

    /** Moves the cursor from where the caller saw it; false when it had moved meanwhile (a replay, a delete). */
    boolean moveCursor(String id, long from, long to) {
        return jdbc.sql("UPDATE subscriptions SET cursor_position = ?, attempts = 0, last_error = NULL "
                + "WHERE id = ? AND cursor_position = ?").params(to, id, from).update() == 1;
    }

    void setCursor(String id, long to) {
        jdbc.sql("UPDATE subscriptions SET cursor_position = ?, attempts = 0, last_error = NULL WHERE id = ?")
                .params(to, id).update();
    }

    /** Takes or renews the delivery lease: free, already this node's, or run out. */
    boolean lease(String id, String node, Instant now, Instant until) {
        return jdbc.sql("UPDATE subscriptions SET lease_node = ?, lease_until = ? WHERE id = ? "
                + "AND (lease_node IS NULL OR lease_node = ? OR lease_until < ?)")
                .params(node, Timestamp.from(until), id, node, Timestamp.from(now)).update() == 1;
    }

    void releaseLeases(String node) {
        jdbc.sql("UPDATE subscriptions SET lease_node = NULL, lease_until = NULL WHERE lease_node = ?").param(node)
                .update();
    }

    void recordFailure(String id, int attempts, String error) {
        jdbc.sql("UPDATE subscriptions SET attempts = ?, last_error = ? WHERE id = ?")
                .params(attempts, error, id).update();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM subscriptions WHERE id = ?").param(id).update() == 1;
    }

    /** Per product and delivery mode: how many subscriptions, how many failing, and the furthest behind. */
    List<SubscriptionBacklog> backlog() {
        return jdbc.sql("SELECT s.product, s.delivery_mode, COUNT(*), "
                + "SUM(CASE WHEN s.attempts > 0 THEN 1 ELSE 0 END), "
                + "MAX(COALESCE(f.last_sequence, 0) - s.cursor_position) "
                + "FROM subscriptions s LEFT JOIN feeds f ON f.product = s.product "
                + "GROUP BY s.product, s.delivery_mode")
                .query((rs, i) -> new SubscriptionBacklog(rs.getString(1), DeliveryMode.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getLong(4), Math.max(0, rs.getLong(5)))).list();
    }

    private Subscription row(ResultSet rs, int i) throws SQLException {
        try {
            return new Subscription(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    json.readValue(rs.getString(5), SubscriptionFilter.class), DeliveryMode.valueOf(rs.getString(6)),
                    rs.getString(7), rs.getLong(8), rs.getTimestamp(9).toInstant(), rs.getInt(10), rs.getString(11));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored filter of subscription " + rs.getString(1) + " is unreadable", e);
        }
    }

    /** The filter column's size: checked here, so a filter that cannot be stored is a refusal, never a failure. */
    static final int FILTER_COLUMN = 1_000_000;

    private String write(SubscriptionFilter filter) {
        try {
            String written = json.writeValueAsString(filter);
            if (written.length() > FILTER_COLUMN) {
                throw SubscriptionException.invalid(SubscriptionProblem.FILTER_TOO_LARGE, "filter: more than "
                        + FILTER_COLUMN
                        + " characters as stored; watch fewer subjects per subscription");
            }
            return written;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise a filter", e);
        }
    }
}
