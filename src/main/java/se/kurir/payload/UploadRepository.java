package se.kurir.payload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class UploadRepository {

    private final JdbcTemplate jdbc;

    UploadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Upload upload) {
        jdbc.update("INSERT INTO uploads (upload_id, owner, product, media_type, max_bytes, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", upload.uploadId(), upload.owner(), upload.product(),
                upload.mediaType(), upload.maxBytes(), Timestamp.from(upload.createdAt()),
                Timestamp.from(upload.expiresAt()));
    }

    Optional<Upload> find(String uploadId) {
        return jdbc.query("SELECT * FROM uploads WHERE upload_id = ?", UploadRepository::map, uploadId).stream()
                .findFirst();
    }

    List<String> expiredBefore(Instant now) {
        return jdbc.queryForList("SELECT upload_id FROM uploads WHERE expires_at < ?", String.class,
                Timestamp.from(now));
    }

    void delete(String uploadId) {
        jdbc.update("DELETE FROM uploads WHERE upload_id = ?", uploadId);
    }

    private static Upload map(ResultSet rs, int row) throws SQLException {
        return new Upload(rs.getString("upload_id"), rs.getString("owner"), rs.getString("product"),
                rs.getString("media_type"), rs.getLong("max_bytes"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), 0);
    }
}
