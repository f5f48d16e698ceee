package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/** Every policy rejection code, through real HTTP against the demo federation's agreements. */
class PolicyRejectionIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UNKNOWN_RECIPIENT            | 2021005521.finns-inte   | inkomstuppgift     | SFS 2009:400 | OWN_INITIATIVE | felaktiga-utbetalningar | SUBSTANTIAL
            UNKNOWN_PRODUCT              | 2021005521.kontroll     | finns-inte         | SFS 2009:400 | OWN_INITIATIVE | felaktiga-utbetalningar | SUBSTANTIAL
            NO_AGREEMENT                 | 2021002163.identitet    | inkomstuppgift     | SFS 2009:400 | OWN_INITIATIVE | felaktiga-utbetalningar | SUBSTANTIAL
            AGREEMENT_NOT_VALID          | 2021006297.kontroll     | inkomstuppgift     | SFS 2009:400 | ON_REQUEST     | felaktiga-utbetalningar | SUBSTANTIAL
            CLASSIFICATION_ABOVE_CEILING | 2021005521.kontroll     | inkomstuppgift     | SFS 2009:400 | OWN_INITIATIVE | felaktiga-utbetalningar | SERIOUS
            LEGAL_BASIS_NOT_ALLOWED      | 2021005521.kontroll     | inkomstuppgift     | SFS 1999:999 | OWN_INITIATIVE | felaktiga-utbetalningar | SUBSTANTIAL
            DISCLOSURE_MODE_NOT_ALLOWED  | 2021005521.kontroll     | inkomstuppgift     | SFS 2009:400 | DUTY_TO_NOTIFY | felaktiga-utbetalningar | SUBSTANTIAL
            PURPOSE_NOT_ALLOWED          | 2021005521.kontroll     | inkomstuppgift     | SFS 2009:400 | OWN_INITIATIVE | statistik               | SUBSTANTIAL
            """)
    void policyRejectsWithCodeReceiptAndAuditAndNeverDelivers(String code, String recipient, String product,
            String statute, String mode, String purpose, String classification) {
        var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.envelope(null, recipient, product, statute,
                "10 kap. 15 a §", mode, purpose, classification), Envelopes.payload());

        assertThat(sent.status()).isEqualTo(422);
        assertThat(sent.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(sent.json().get("code").asText()).isEqualTo(code);
        assertThat(sent.json().get("status").asText()).isEqualTo("REJECTED");
        String id = sent.json().get("messageId").asText();

        var receipts = api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts").json().get("receipts");
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).get("type").asText()).isEqualTo("REJECTED");
        assertThat(receipts.get(0).get("reasonCode").asText()).isEqualTo(code);

        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("type").asText()).isEqualTo("MESSAGE_REJECTED");
        assertThat(audit.get(0).get("reasonCode").asText()).isEqualTo(code);

        // Kept for the record, and its payload kept too: a rejected message is recoverable, never delivered.
        org.awaitility.Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> jdbc.queryForObject("SELECT state FROM messages WHERE message_id = ?", String.class, id),
                        "REJECTED"::equals);
    }

    @Test
    void payloadOverTheProductLimitIsRefusedAndAudited() {
        String id = java.util.UUID.randomUUID().toString();
        byte[] tooLarge = new byte[1024 * 1024 + 1];

        var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), tooLarge);

        assertThat(sent.status()).isEqualTo(413);
        assertThat(sent.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(sent.json().get("detail").asText()).startsWith("payload:");
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(audit.get(0).get("type").asText()).isEqualTo("MESSAGE_REJECTED");
        assertThat(audit.get(0).get("reasonCode").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE message_id = ?", Integer.class, id))
                .isZero();
    }
}
