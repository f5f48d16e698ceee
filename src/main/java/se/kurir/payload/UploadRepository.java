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

    /** Records that the upload's bytes are now the stored payload with this digest. */
    void markAdopted(String uploadId, String sha256) {
        jdbc.update("UPDATE uploads SET adopted_sha256 = ? WHERE upload_id = ?", sha256, uploadId);
    }

    /** The digest of the bytes this upload received, once they have moved into the store. */
    Optional<String> adoptedDigest(String uploadId) {
        return jdbc.queryForList("SELECT adopted_sha256 FROM uploads WHERE upload_id = ? "
                + "AND adopted_sha256 IS NOT NULL", String.class, uploadId).stream().findFirst();
    }

    boolean anyAdopted(String sha256) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM uploads WHERE adopted_sha256 = ?", Long.class, sha256) > 0;
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
