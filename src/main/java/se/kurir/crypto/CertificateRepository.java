package se.kurir.crypto;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CertificateRepository {

    private static final String COLUMNS = "key_id, participant, usage, key_kind, registered_at, registered_by, "
            + "revoked_at, revocation_reason, pem";

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ParticipantCertificate c) {
        jdbc.sql("INSERT INTO certificates (key_id, participant, usage, key_kind, subject, serial_number, not_before, "
                + "not_after, registered_at, registered_by, pem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.keyId(), c.participant(), c.usage().name(), c.keyKind().name(), c.subject(),
                        c.serialNumber(), Timestamp.from(c.notBefore()), Timestamp.from(c.notAfter()),
                        Timestamp.from(c.registeredAt()), c.registeredBy(), Pem.text(c.certificate()))
                .update();
    }

    void revoke(String keyId, Instant at, String reason) {
        jdbc.sql("UPDATE certificates SET revoked_at = ?, revocation_reason = ? WHERE key_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), reason, keyId).update();
    }

    Optional<ParticipantCertificate> find(String keyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificates WHERE key_id = ?").param(keyId)
                .query(CertificateRepository::map).optional();
    }

    List<ParticipantCertificate> of(String participant, CertificateUsage usage) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM certificates WHERE participant = ? AND usage = ? "
                + "ORDER BY not_before DESC, registered_at DESC").params(participant, usage.name())
                .query(CertificateRepository::map).list();
    }

    List<ParticipantCertificate> all(String participantOrNull) {
        return participantOrNull == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM certificates ORDER BY participant, usage, not_before DESC")
                        .query(CertificateRepository::map).list()
                : jdbc.sql("SELECT " + COLUMNS + " FROM certificates WHERE participant = ? "
                        + "ORDER BY usage, not_before DESC").param(participantOrNull)
                        .query(CertificateRepository::map).list();
    }

    private static ParticipantCertificate map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ParticipantCertificate(rs.getString("key_id"), rs.getString("participant"),
                CertificateUsage.valueOf(rs.getString("usage")), KeyKind.valueOf(rs.getString("key_kind")),
                rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"),
                revoked == null ? null : revoked.toInstant(), rs.getString("revocation_reason"),
                Pem.certificates(rs.getString("pem")).get(0));
    }
}
