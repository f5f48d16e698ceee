package se.kurir.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an attacker with write access to the database and the hash algorithm (it is public) does to hide a change:
 * alters a record and recomputes every hash and link after it, so that the chain alone holds again. Only signed
 * checkpoints and a head an auditor kept can tell.
 */
public final class ChainForger {

    private ChainForger() {
    }

    private static Instant instant(Object column) {
        return column instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) column).toInstant();
    }

    /** Rewrites the sender of record {@code seq} and recomputes the chain from there to the end. */
    public static void rewriteSender(JdbcTemplate jdbc, long seq, String sender) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq", seq);
        String prev = null;
        for (Map<String, Object> row : rows) {
            long s = ((Number) row.get("seq")).longValue();
            String rowSender = s == seq ? sender : (String) row.get("sender");
            String prevHash = prev == null ? (String) row.get("prev_hash") : prev;
            String hash = AuditChain.hash(s, instant(row.get("recorded_at")),
                    AuditEventType.valueOf((String) row.get("event_type")), (String) row.get("actor"),
                    (String) row.get("message_id"), rowSender, (String) row.get("recipient"),
                    (String) row.get("product"), (String) row.get("reason_code"), (String) row.get("legal_basis"),
                    (String) row.get("details"), prevHash);
            jdbc.update("UPDATE audit_log SET sender = ?, prev_hash = ?, hash = ? WHERE seq = ?", rowSender, prevHash,
                    hash, s);
            prev = hash;
        }
    }
}
