package se.kurir.payload;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The small payloads kept in the database rather than as files (V16__inline_payloads.sql). */
@Repository
class InlinePayloadRepository {

    private final JdbcTemplate jdbc;

    InlinePayloadRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the payload unless it is there already. A duplicate is not an error: this runs inside the transaction of
     * a batch of admissions, which a unique-key violation would abort for all of them. (Written as a portable
     * insert-select; {@code ON CONFLICT} is PostgreSQL's alone.)
     */
    void insertIfAbsent(String sha256, byte[] content) {
        jdbc.update("INSERT INTO inline_payloads (sha256, size, content) "
                + "SELECT CAST(? AS CHAR(64)), CAST(? AS BIGINT), CAST(? AS BYTEA) "
                + "WHERE NOT EXISTS (SELECT 1 FROM inline_payloads WHERE sha256 = ?)",
                sha256, content.length, content, sha256);
    }

    Optional<byte[]> content(String sha256) {
        return jdbc.query("SELECT content FROM inline_payloads WHERE sha256 = ?", (rs, row) -> rs.getBytes(1),
                sha256).stream().findFirst();
    }

    Optional<Long> size(String sha256) {
        return jdbc.query("SELECT size FROM inline_payloads WHERE sha256 = ?", (rs, row) -> rs.getLong(1), sha256)
                .stream().findFirst();
    }
}
