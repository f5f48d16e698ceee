package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.PostgresServer;

/** The migrations and the core flow on a real PostgreSQL, started from the binaries on this machine. */
class PostgresIT {

    @TempDir
    Path dataDir;

    @Test
    void coreFlowRunsOnPostgresql() throws Exception {
        var binaries = PostgresServer.binaries();
        if (binaries.isEmpty()) {
            System.err.println("SKIPPED PostgresIT: no PostgreSQL server binaries under /usr/lib/postgresql "
                    + "(install Debian's postgresql package; .ci/run does)");
        }
        Assumptions.assumeTrue(binaries.isPresent(), "PostgreSQL server binaries are not installed");

        try (PostgresServer postgres = PostgresServer.start(binaries.get());
                KurirNode node = KurirNode.start(dataDir, Map.of("spring.profiles.active", "demo,postgres",
                        "KURIR_DB_URL", postgres.jdbcUrl("kurir"), "KURIR_DB_USER", "kurir",
                        "KURIR_DB_PASSWORD", ""))) {
            JdbcTemplate jdbc = node.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
            Api api = node.api();

            var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
            assertThat(sent.status()).isEqualTo(202);
            String id = sent.json().get("messageId").asText();
            String message = "/api/v1/mailboxes/2021005521.kontroll/messages/" + id;
            await().atMost(Duration.ofSeconds(15)).until(() -> api.get(Api.FORSAKRINGSKASSAN, message).status() == 200);
            assertThat(api.get(Api.FORSAKRINGSKASSAN, message + "/payload").status()).isEqualTo(200);
            assertThat(api.post(Api.FORSAKRINGSKASSAN, message + "/ack", null).status()).isEqualTo(200);
            var rejected = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null, "2021005521.kontroll",
                    "SFS 1999:999", "OWN_INITIATIVE", "felaktiga-utbetalningar", "SUBSTANTIAL"), Envelopes.payload());
            assertThat(rejected.json().get("code").asText()).isEqualTo("LEGAL_BASIS_NOT_ALLOWED");

            assertThat(MessageFlowIT.types(api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts").json()
                    .get("receipts"), "type")).containsExactly("ACCEPTED", "DELIVERED", "FETCHED", "ACKNOWLEDGED");
            assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
            long seq = jdbc.queryForObject("SELECT MIN(seq) FROM audit_log WHERE message_id = ?", Long.class, id);
            jdbc.update("UPDATE audit_log SET product = 'annat' WHERE seq = ?", seq);
            assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify").json().get("firstBrokenSeq").asLong())
                    .isEqualTo(seq);
        }
    }
}
