package se.kurir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many request threads append at once; the single writer keeps one unbroken chain and loses nothing, and a state
 * change handed over with a record commits or fails with it.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({AuditLog.class, AuditRepository.class, JacksonAutoConfiguration.class, AuditLogConcurrencyTest.Config.class})
@TestPropertySource(properties = {"kurir.audit.max-batch=64", "kurir.audit.commit-timeout=30s"})
class AuditLogConcurrencyTest {

    @TestConfiguration
    @EnableConfigurationProperties(AuditProperties.class)
    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrentAppendsFormOneValidChain() throws Exception {
        int threads = 32;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<AuditRecord>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<AuditRecord> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(audit.append(new AuditEvent(AuditEventType.MESSAGE_ACCEPTED, "2021005448",
                            "m-" + thread + "-" + i, "2021005448", "2021005521.kontroll", "inkomstuppgift", null,
                            null, Map.of("thread", Integer.toString(thread)))));
                }
                return mine;
            }));
        }
        List<Long> seqs = new ArrayList<>();
        for (var result : results) {
            result.get().forEach(r -> seqs.add(r.seq()));
        }
        pool.shutdown();

        long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class) - (long) threads * each;
        assertThat(seqs).doesNotHaveDuplicates().hasSize(threads * each);
        assertThat(audit.verify().valid()).isTrue();
        assertThat(audit.verify().recordsChecked()).isEqualTo(before + (long) threads * each);
        // Group commit: concurrent requests shared transactions.
        assertThat(audit.commitCount()).isLessThan(audit.appendedCount());
        assertThat(audit.appendedCount()).isEqualTo((long) threads * each);
    }

    @Test
    void aStateChangeCommitsWithItsRecordAndOneThatFailsTakesOnlyItsOwnRecordWithIt() throws Exception {
        jdbc.execute("CREATE TABLE IF NOT EXISTS change_probe (id VARCHAR(64) PRIMARY KEY)");
        int threads = 16;
        int each = 20;
        long recordsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<String> refused = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    // Every thread's fifth change writes the same row: one of them wins, the others are refused.
                    String id = i == 5 ? "shared" : "c-" + thread + "-" + i;
                    try {
                        audit.append(new AuditEvent(AuditEventType.MESSAGE_ACCEPTED, "2021005448", id, "2021005448",
                                "2021005521.kontroll", "inkomstuppgift", null, null, Map.of()),
                                () -> jdbc.update("INSERT INTO change_probe (id) VALUES (?)", id));
                    } catch (org.springframework.dao.DuplicateKeyException e) {
                        refused.add(id);
                    }
                }
                return refused;
            }));
        }
        List<String> refused = new ArrayList<>();
        for (var result : results) {
            refused.addAll(result.get());
        }
        pool.shutdown();

        // The refused changes are the change's own error, not an unavailable audit log, and only those.
        assertThat(refused).hasSize(threads - 1).containsOnly("shared");
        long committed = (long) threads * each - refused.size();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM change_probe", Long.class)).isEqualTo(committed);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class) - recordsBefore)
                .isEqualTo(committed);
        // Every record has its change and every change its record.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM change_probe p JOIN audit_log a ON a.message_id = p.id",
                Long.class)).isEqualTo(committed);
        assertThat(audit.verify().valid()).isTrue();
    }
}
