package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.audit.ChainForger;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/** An auditor proves the log was not altered, and finds the record that was. */
class AuditTamperIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void verifyNamesTheFirstRecordAlteredDirectlyInTheDatabase() {
        String id = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload())
                .json().get("messageId").asText();
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
        Map<String, Object> record = jdbc.queryForMap(
                "SELECT seq, sender FROM audit_log WHERE message_id = ? ORDER BY seq LIMIT 1", id);
        long seq = ((Number) record.get("seq")).longValue();

        jdbc.update("UPDATE audit_log SET sender = ? WHERE seq = ?", "2021000076", seq);
        try {
            var verification = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(seq);
            assertThat(verification.get("problem").asText()).contains("hash");
        } finally {
            jdbc.update("UPDATE audit_log SET sender = ? WHERE seq = ?", record.get("sender"), seq);
        }
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void deletedRecordBreaksTheChainAtTheNextOne() {
        String id = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload())
                .json().get("messageId").asText();
        api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM audit_log WHERE message_id = ? ORDER BY seq LIMIT 1", id);
        long seq = ((Number) row.get("seq")).longValue();

        jdbc.update("DELETE FROM audit_log WHERE seq = ?", seq);
        try {
            var verification = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(seq + 1);
            assertThat(verification.get("problem").asText()).contains("sequence gap");
        } finally {
            var columns = String.join(", ", row.keySet());
            var marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
            jdbc.update("INSERT INTO audit_log (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
        }
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void verifyReportsTheHeadSoAnAuditorCanAnchorIt() {
        api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
        // Deliveries append asynchronously, so compare once the log has come to rest.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            var verification = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            Map<String, Object> last = jdbc.queryForMap("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
            assertThat(verification.get("headSeq").asLong()).isEqualTo(((Number) last.get("seq")).longValue());
            assertThat(verification.get("headHash").asText()).isEqualTo(last.get("hash"));
        });
    }

    @Test
    void aRewrittenChainWithEveryHashRecomputedFailsItsSignedCheckpointsAndTheHeadTheAuditorKept() {
        JsonNode kept = quietHead();
        assertThat(kept.get("valid").asBoolean()).as(kept.toString()).isTrue();
        assertThat(kept.get("checkpointsChecked").asInt()).as("the node signs checkpoints").isPositive();
        long checkpoint = kept.get("lastCheckpointSeq").asLong();
        long seq = checkpoint - 3;
        List<Map<String, Object>> original = jdbc.queryForList("SELECT seq, sender, prev_hash, hash FROM audit_log "
                + "WHERE seq >= ? ORDER BY seq", seq);

        ChainForger.rewriteSender(jdbc, seq, "2021000076");
        try {
            var plain = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            assertThat(plain.get("valid").asBoolean()).isFalse();
            assertThat(plain.get("firstBrokenSeq").asLong()).isEqualTo(checkpoint);
            assertThat(plain.get("problem").asText()).contains("signed checkpoint");

            var againstHead = api.get(Api.AUDITOR, "/api/v1/audit/verify?seq=" + kept.get("headSeq").asLong()
                    + "&hash=" + kept.get("headHash").asText()).json();
            assertThat(againstHead.get("valid").asBoolean()).isFalse();
        } finally {
            for (Map<String, Object> row : original) {
                jdbc.update("UPDATE audit_log SET sender = ?, prev_hash = ?, hash = ? WHERE seq = ?", row.get("sender"),
                        row.get("prev_hash"), row.get("hash"), row.get("seq"));
            }
        }
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify?seq=" + kept.get("headSeq").asLong() + "&hash="
                + kept.get("headHash").asText()).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aLogCutShortIsFoundAgainstTheHeadTheAuditorKept() {
        JsonNode kept = quietHead();
        long head = kept.get("headSeq").asLong();
        List<Map<String, Object>> tail = jdbc.queryForList("SELECT * FROM audit_log WHERE seq > ? ORDER BY seq",
                head - 2);

        jdbc.update("DELETE FROM audit_log WHERE seq > ?", head - 2);
        try {
            var verification = api.get(Api.AUDITOR, "/api/v1/audit/verify?seq=" + head + "&hash="
                    + kept.get("headHash").asText()).json();
            assertThat(verification.get("valid").asBoolean()).isFalse();
            assertThat(verification.get("problem").asText()).contains("cut off its end");
            assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify?seq=" + head).json().get("code").asText())
                    .isEqualTo("PARAMETER_MISSING");
        } finally {
            for (Map<String, Object> row : tail) {
                var columns = String.join(", ", row.keySet());
                var marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
                jdbc.update("INSERT INTO audit_log (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
            }
        }
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    /**
     * The head once the log has come to rest (deliveries append asynchronously), with at least one signed checkpoint
     * and a few records behind it.
     */
    private JsonNode quietHead() {
        for (int i = 0; i < 25; i++) {
            api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
        }
        return await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            var first = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            var second = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            return first.get("headSeq").equals(second.get("headSeq")) ? second : null;
        }, head -> head != null && head.get("lastCheckpointSeq").asLong() > 3);
    }

    @Test
    void searchFiltersByParticipantProductAndTime() {
        String id = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload())
                .json().get("messageId").asText();
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?participant=2021005521&product=inkomstuppgift&limit=5000")
                .json().findValuesAsText("messageId")).contains(id);
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?participant=2021002163").json().findValuesAsText("messageId"))
                .doesNotContain(id);
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?product=foretagsforandring").json()
                .findValuesAsText("messageId")).doesNotContain(id);
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?from=2999-01-01T00:00:00Z").json()).isEmpty();
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?to=2000-01-01T00:00:00Z").json()).isEmpty();
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?from=yesterday").json().get("code").asText())
                .isEqualTo("PARAMETER_INVALID");
    }
}
