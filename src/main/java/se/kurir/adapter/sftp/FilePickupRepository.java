package se.kurir.adapter.sftp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.kurir.envelope.Envelope;

@Repository
class FilePickupRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    FilePickupRepository(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records the pickup, replacing an earlier one of the same file name (next month's batch, say). */
    @Transactional
    void save(FilePickup p) {
        jdbc.update("DELETE FROM file_pickups WHERE outbox = ? AND file_name = ?", p.outbox(), p.fileName());
        jdbc.update("INSERT INTO file_pickups (outbox, file_name, pickup_id, state, envelope, reason_code, reason, "
                + "message_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.outbox(), p.fileName(), p.pickupId(),
                p.state().name(), write(p.envelope()), p.reasonCode(), p.reason(), p.messageId(),
                Timestamp.from(clock.instant()));
    }

    Optional<FilePickup> find(String outbox, String fileName) {
        return jdbc.query("SELECT * FROM file_pickups WHERE outbox = ? AND file_name = ?", this::map, outbox,
                fileName).stream().findFirst();
    }

    private FilePickup map(ResultSet rs, int row) throws SQLException {
        String envelope = rs.getString("envelope");
        try {
            return new FilePickup(rs.getString("outbox"), rs.getString("file_name"), rs.getString("pickup_id"),
                    FilePickup.State.valueOf(rs.getString("state")),
                    envelope == null ? null : json.readValue(envelope, Envelope.class), rs.getString("reason_code"),
                    rs.getString("reason"), rs.getString("message_id"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("file_pickups holds an unreadable envelope", e);
        }
    }

    private String write(Envelope envelope) {
        try {
            return envelope == null ? null : json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
