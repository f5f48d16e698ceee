package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.IntegrationTest;
import se.kurir.support.KurirCommandLine;
import se.kurir.support.KurirCommandLine.Run;

/**
 * The conformance kit ({@code kurir conformance}) run against a node with the demo plan: every scenario passes on a
 * node that behaves, and a plan whose recipient is not who it claims fails the scenarios that depend on it, with exit
 * code 5.
 */
class ConformanceIT extends IntegrationTest {

    private static final String PLAN = "config/conformance/demo-plan.yml";

    @Test
    void theDemoPlanPassesEveryScenario() {
        String out = conformance(Map.of("KURIR_SENDER_KEY", Api.SKATTEVERKET, "KURIR_RECIPIENT_KEY",
                Api.FORSAKRINGSKASSAN), 0);

        assertThat(out.lines().filter(line -> line.startsWith("PASS"))).extracting(line -> line.split(":")[0])
                .containsExactly("PASS send", "PASS receipt DELIVERED", "PASS fetch", "PASS acknowledge",
                        "PASS repeated send", "PASS bad input", "PASS bad input", "PASS bad input", "PASS bad input",
                        "PASS feed");
        assertThat(out).doesNotContain("FAIL").contains("all scenarios passed");
    }

    @Test
    void aRecipientThatIsNotTheMailboxsOwnerFailsTheScenariosItTakesPartIn() {
        String out = conformance(Map.of("KURIR_SENDER_KEY", Api.SKATTEVERKET, "KURIR_RECIPIENT_KEY",
                Api.POLISEN), 5);

        assertThat(out).contains("PASS send").contains("FAIL fetch").contains("FAIL acknowledge")
                .contains("MAILBOX_FORBIDDEN");
    }

    private String conformance(Map<String, String> keys, int expectedExit) {
        Run run = KurirCommandLine.run(port(), new ByteArrayInputStream(new byte[0]), keys, "conformance", "--plan",
                PLAN);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(expectedExit);
        return run.out();
    }
}
