package se.kurir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void everyFieldFitsItsColumnSoARefusalOfAnOverLongValueCanBeRecorded() {
        String huge = "P" + "9".repeat(5000) + "Y";
        var event = new AuditEvent(AuditEventType.REQUEST_REFUSED, "x".repeat(150), "m".repeat(40), "2021005448x",
                "r".repeat(100), "p".repeat(300), "C".repeat(60), huge, Map.of("k".repeat(70), huge));

        assertThat(event.actor()).hasSize(100);
        assertThat(event.messageId()).hasSize(36);
        assertThat(event.sender()).hasSize(10);
        assertThat(event.recipient()).hasSize(80);
        assertThat(event.product()).hasSize(64).endsWith("…");
        assertThat(event.reasonCode()).hasSize(48);
        assertThat(event.legalBasis()).hasSize(500);
        assertThat(event.details()).hasSize(1);
        var detail = event.details().entrySet().iterator().next();
        assertThat(detail.getKey()).hasSize(64);
        assertThat(detail.getValue()).hasSize(AuditEvent.MAX_DETAIL_VALUE);
    }

    @Test
    void valuesThatFitAreKeptAsTheyAre() {
        var event = new AuditEvent(AuditEventType.MESSAGE_ACCEPTED, "2021005448", null, "2021005448",
                "2021005521.kontroll", "inkomstuppgift", null, "SFS 2009:400 10 kap. 15 a §", Map.of("channel", "REST"));
        assertThat(event.product()).isEqualTo("inkomstuppgift");
        assertThat(event.messageId()).isNull();
        assertThat(event.details()).containsEntry("channel", "REST");
    }
}
