package se.kurir.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;

/**
 * Crisis mode (höjd beredskap, a major incident): while an operator has it on, bulk transfers to peer nodes wait and
 * everything else goes, so crisis traffic has the links to itself. One switch for every node on the database; each
 * node reads it at most a second late. Switching is audited under the operator's name.
 */
@Service
public class CrisisMode {

    private static final String SETTING = "crisis_mode";
    private static final Duration FRESH = Duration.ofSeconds(1);

    /** @param setBy the operator who last switched it; null when nobody ever has */
    public record Status(boolean on, String setBy, Instant setAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Status cached;
    private volatile Instant readAt = Instant.MIN;

    CrisisMode(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean on() {
        Instant now = clock.instant();
        if (cached == null || readAt.plus(FRESH).isBefore(now)) {
            cached = read();
            readAt = now;
        }
        return cached.on();
    }

    public Status status() {
        return read();
    }

    public Status switchTo(boolean on, String operator) {
        Instant now = clock.instant();
        audit.append(new AuditEvent(AuditEventType.CRISIS_MODE_SWITCHED, operator, null, null, null, null, null, null,
                Map.of("on", Boolean.toString(on))), () -> {
                    var params = new Object[] {on ? "on" : "off", operator, Timestamp.from(now), SETTING};
                    if (jdbc.sql("UPDATE federation_settings SET setting = ?, set_by = ?, set_at = ? WHERE name = ?")
                            .params(params).update() == 0) {
                        jdbc.sql("INSERT INTO federation_settings (setting, set_by, set_at, name) VALUES (?, ?, ?, ?)")
                                .params(params).update();
                    }
                });
        cached = new Status(on, operator, now);
        readAt = now;
        return cached;
    }

    private Status read() {
        Optional<Status> stored = jdbc.sql("SELECT setting, set_by, set_at FROM federation_settings WHERE name = ?")
                .param(SETTING).query((rs, i) -> new Status("on".equals(rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).optional();
        return stored.orElse(new Status(false, null, null));
    }
}
