package se.kurir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static final Instant AT = Instant.parse("2026-11-22T08:00:00.123Z");

    static String hash(String actor, String sender, String details, String prev) {
        return AuditChain.hash(7, AT, AuditEventType.MESSAGE_ACCEPTED, actor, "m-1", sender, "2021005521.kontroll",
                "inkomstuppgift", null, "SFS 2009:400 10 kap. 15 a §", details, prev);
    }

    @Test
    void hashIsStableForTheSameRecord() {
        assertThat(hash("2021005448", "2021005448", "{}", AuditChain.GENESIS))
                .isEqualTo(hash("2021005448", "2021005448", "{}", AuditChain.GENESIS))
                .hasSize(64);
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        Set<String> hashes = new HashSet<>();
        hashes.add(hash("2021005448", "2021005448", "{}", AuditChain.GENESIS));
        hashes.add(hash("2021000076", "2021005448", "{}", AuditChain.GENESIS));
        hashes.add(hash("2021005448", "2021000076", "{}", AuditChain.GENESIS));
        hashes.add(hash("2021005448", "2021005448", "{\"size\":\"1\"}", AuditChain.GENESIS));
        hashes.add(hash("2021005448", "2021005448", "{}", "1".repeat(64)));
        assertThat(hashes).hasSize(5);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab" + "c" must not hash like "a" + "bc", nor an empty string like a missing value.
        assertThat(hash("ab", "c", "{}", AuditChain.GENESIS)).isNotEqualTo(hash("a", "bc", "{}", AuditChain.GENESIS));
        assertThat(hash("", "x", "{}", AuditChain.GENESIS)).isNotEqualTo(hash(null, "x", "{}", AuditChain.GENESIS));
    }

    @Test
    void recordHashMatchesTheFieldHash() {
        String h = hash("a", "b", "{}", AuditChain.GENESIS);
        AuditRecord record = new AuditRecord(7, AT, AuditEventType.MESSAGE_ACCEPTED, "a", "m-1", "b",
                "2021005521.kontroll", "inkomstuppgift", null, "SFS 2009:400 10 kap. 15 a §", "{}", AuditChain.GENESIS, h);
        assertThat(AuditChain.hashOf(record)).isEqualTo(h);
    }
}
