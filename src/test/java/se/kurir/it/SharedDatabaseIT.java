package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.PostgresServer;

/**
 * Two gateway nodes on one PostgreSQL, each with its own broker and payload store, taking messages at the same time:
 * the audit chain stays one valid chain, every record in it, and no request is refused because the other node
 * appended first (each node used to continue from the head it loaded at start, so the second writer's batches all
 * failed on the sequence number the first had taken).
 */
class SharedDatabaseIT {

    private static final int SENDERS_PER_NODE = 2;
    private static final int MESSAGES_PER_SENDER = 40;

    @TempDir
    Path dir;

    @Test
    void twoNodesOnOneDatabaseKeepOneAuditChain() throws Exception {
        var binaries = PostgresServer.binaries();
        Assumptions.assumeTrue(binaries.isPresent(), "PostgreSQL server binaries are not installed");
        try (PostgresServer postgres = PostgresServer.start(binaries.get());
                KurirNode first = node(postgres, "a");
                KurirNode second = node(postgres, "b")) {
            ExecutorService senders = Executors.newFixedThreadPool(2 * SENDERS_PER_NODE);
            List<Future<List<Integer>>> sent = new ArrayList<>();
            for (KurirNode node : List.of(first, second)) {
                for (int i = 0; i < SENDERS_PER_NODE; i++) {
                    sent.add(senders.submit(() -> send(node.api())));
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> each : sent) {
                statuses.addAll(each.get());
            }
            senders.shutdown();
            assertThat(statuses).hasSize(2 * SENDERS_PER_NODE * MESSAGES_PER_SENDER).containsOnly(202);

            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            int messages = statuses.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM messages WHERE state = 'DELIVERED'", Integer.class) == messages);
            long records = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
            assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_log", Long.class)).isEqualTo(records);
            for (KurirNode node : List.of(first, second)) {
                var verified = node.api().get(Api.AUDITOR, "/api/v1/audit/verify").json();
                assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
                assertThat(verified.get("recordsChecked").asLong()).isEqualTo(records);
            }
            assertThat(records).as("accepted and delivered, for each message, by whichever node")
                    .isGreaterThanOrEqualTo(2L * messages);
        }
    }

    private KurirNode node(PostgresServer postgres, String name) {
        return KurirNode.start(dir.resolve(name), Map.of("spring.profiles.active", "demo,postgres",
                "KURIR_DB_URL", postgres.jdbcUrl("kurir"), "KURIR_DB_USER", "kurir", "KURIR_DB_PASSWORD", ""));
    }

    private static List<Integer> send(Api api) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
            statuses.add(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload())
                    .status());
        }
        return statuses;
    }
}
