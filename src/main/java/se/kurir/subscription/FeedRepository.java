package se.kurir.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.kurir.envelope.LegalBasis;

/** The feeds' tables: their heads and their events. Portable SQL, H2 and PostgreSQL. */
@Repository
class FeedRepository {

    private static final String COLUMNS = "product, sequence, event_id, event_type, subject_key, publisher, "
            + "agreement_id, legal_basis, payload, published_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper json;
    /** A feed repeats a handful of legal-basis tags; each is parsed once, not once per event read. */
    private final Map<String, LegalBasis> legalBases = new ConcurrentHashMap<>();

    FeedRepository(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /**
     * The product's last sequence number, with its row locked until the transaction ends, so publishers on other
     * nodes wait rather than hand out the same numbers. Creates the feed on its first event.
     */
    long lockHead(String product) {
        Optional<Long> head = jdbc.sql("SELECT last_sequence FROM feeds WHERE product = ? FOR UPDATE")
                .param(product).query(Long.class).optional();
        if (head.isPresent()) {
            return head.get();
        }
        jdbc.sql("INSERT INTO feeds (product, last_sequence) VALUES (?, 0)").param(product).update();
        return 0;
    }

    void setHead(String product, long head) {
        jdbc.sql("UPDATE feeds SET last_sequence = ? WHERE product = ?").params(head, product).update();
    }

    long head(String product) {
        return jdbc.sql("SELECT last_sequence FROM feeds WHERE product = ?").param(product).query(Long.class)
                .optional().orElse(0L);
    }

    /** The sequence numbers already given to these event ids of one product. */
    Map<String, Long> sequencesOf(String product, List<String> eventIds) {
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("SELECT event_id, sequence FROM feed_events WHERE product = :product AND event_id IN (:ids)")
                .param("product", product).param("ids", eventIds)
                .query((ResultSet rs) -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    void insert(List<FeedEvent> events) {
        batches.batchUpdate("INSERT INTO feed_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.product(), e.sequence(), e.eventId(), e.eventType(),
                    e.subjectKey(), e.publisher(), e.agreementId(), write(e.legalBasis()), write(e.payload()),
                    Timestamp.from(e.publishedAt())}).toList());
    }

    /**
     * Ordered by the whole primary key: H2 then reads the index in order and stops after {@code limit} rows; ordered
     * by sequence alone it sorted every later row of the feed for each page (a catch-up went quadratic).
     */
    List<FeedEvent> after(String product, long after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM feed_events WHERE product = ? AND sequence > ? "
                + "ORDER BY product, sequence LIMIT ?").params(product, after, limit).query(this::event).list();
    }

    /** The oldest sequence still kept, if the feed has any events. */
    Optional<Long> first(String product) {
        return jdbc.sql("SELECT MIN(sequence) FROM feed_events WHERE product = ?").param(product)
                .query(Long.class).list().stream().filter(Objects::nonNull).findFirst();
    }

    /** The last sequence published before the instant, if any kept event was. */
    Optional<Long> lastBefore(String product, Instant instant) {
        return jdbc.sql("SELECT MAX(sequence) FROM feed_events WHERE product = ? AND published_at < ?")
                .params(product, Timestamp.from(instant)).query(Long.class).list().stream().filter(Objects::nonNull)
                .findFirst();
    }

    int deletePublishedBefore(String product, Instant instant) {
        return jdbc.sql("DELETE FROM feed_events WHERE product = ? AND published_at < ?")
                .params(product, Timestamp.from(instant)).update();
    }

    private FeedEvent event(ResultSet rs, int row) throws SQLException {
        try {
            return new FeedEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), legalBasis(rs.getString(8)),
                    json.readTree(rs.getString(9)), rs.getTimestamp(10).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event " + rs.getString(1) + "/" + rs.getLong(2)
                    + " is unreadable", e);
        }
    }

    private LegalBasis legalBasis(String text) throws JsonProcessingException {
        LegalBasis known = legalBases.get(text);
        if (known == null) {
            known = json.readValue(text, LegalBasis.class);
            if (legalBases.size() < 10_000) {
                legalBases.put(text, known);
            }
        }
        return known;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
