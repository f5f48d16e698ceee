package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.FeedEvents;
import se.kurir.support.IntegrationTest;
import se.kurir.support.KurirCommandLine;
import se.kurir.support.KurirCommandLine.Run;

/**
 * {@code bin/kurir} against a running node, as agency systems, an auditor and an operator use it: send (small in one
 * request, large as a resumable upload with a progress bar, from standard input), list, fetch, acknowledge and the
 * sender's receipts; a refusal's exit code; following a feed; verifying the audit log against a head kept elsewhere;
 * the dead letters.
 */
class CliIT extends IntegrationTest {

    private static final String SKV_KEY = "kurir-demo-key-skatteverket";
    private static final String FK_KEY = "kurir-demo-key-forsakringskassan";

    @Test
    void aSystemSendsTheRecipientListsFetchesAndAcknowledgesAndTheSenderReadsTheReceipts() throws Exception {
        Path payload = Files.write(temp().resolve("inkomst.json"), Envelopes.payload());

        Run sent = kurir(SKV_KEY, "send", "--recipient", "2021005521.kontroll", "--product", "inkomstuppgift",
                "--statute", "SFS 2009:400", "--provision", "10 kap. 15 a §", "--mode", "OWN_INITIATIVE",
                "--purpose", "felaktiga-utbetalningar", "--classification", "SUBSTANTIAL", "--retention", "P5Y",
                "--media-type", "application/json", "--payload", payload.toString());
        assertThat(sent.exit()).as(sent.err()).isZero();
        String id = sent.out().split(" ")[0];
        assertThat(sent.out()).contains("ACCEPTED");

        await().atMost(Duration.ofSeconds(20)).until(() -> kurir(FK_KEY, "list", "2021005521.kontroll").out()
                .contains(id));
        Path fetched = temp().resolve("fetched.json");
        assertThat(kurir(FK_KEY, "fetch", "2021005521.kontroll", id, "--out", fetched.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(fetched)).isEqualTo(Files.readAllBytes(payload));
        assertThat(kurir(FK_KEY, "ack", "2021005521.kontroll", id).exit()).isZero();

        Run receipts = kurir(SKV_KEY, "receipts", id, "--json");
        assertThat(receipts.exit()).isZero();
        assertThat(Api.parse(receipts.out()).get("receipts").findValuesAsText("type"))
                .containsSubsequence("ACCEPTED", "DELIVERED", "FETCHED", "ACKNOWLEDGED");
    }

    @Test
    void aLargeFileGoesAsAResumableUploadWithAProgressBarAndStandardInputIsStreamed() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(temp().resolve("manadsfil.bin"), bytes);
        Path envelope = Files.writeString(temp().resolve("envelope.json"), Envelopes.manadsfil(null));

        Run sent = kurir(FK_KEY, "send", "--envelope", envelope.toString(), "--payload", file.toString(),
                "--resumable-above", "1MB", "--chunk", "512KB", "--json");
        assertThat(sent.exit()).as(sent.err()).isZero();
        assertThat(sent.err()).contains("sending [####################] 100%");
        String id = Api.parse(sent.out()).get("messageId").asText();
        assertThat(api.auditRecord(id, "MESSAGE_ACCEPTED").toString()).contains(sha256(bytes));

        Run piped = kurirWithInput(new ByteArrayInputStream(bytes), FK_KEY, "send", "--envelope",
                envelope.toString(), "--payload", "-");
        assertThat(piped.exit()).as(piped.err()).isZero();
        String pipedId = piped.out().split(" ")[0];
        assertThat(api.auditRecord(pipedId, "MESSAGE_ACCEPTED").toString()).contains(sha256(bytes));
    }

    @Test
    void refusalsExitWithTheirCode() throws Exception {
        Path payload = Files.write(temp().resolve("p.json"), Envelopes.payload());
        Path envelope = Files.writeString(temp().resolve("e.json"), Envelopes.inkomstuppgift(null,
                "2021005521.kontroll", "SFS 2009:400", "ON_REQUEST", "not-an-agreed-purpose", "SUBSTANTIAL"));

        Run rejected = kurir(SKV_KEY, "send", "--envelope", envelope.toString(), "--payload", payload.toString());
        assertThat(rejected.exit()).isEqualTo(2);
        assertThat(rejected.err()).contains("422");

        Run unauthenticated = kurir("not-a-key", "list", "2021005521.kontroll");
        assertThat(unauthenticated.exit()).isEqualTo(2);
        assertThat(unauthenticated.err()).contains("UNAUTHENTICATED");
        assertThat(kurir(SKV_KEY, "send", "--payload", payload.toString()).exit()).as("no envelope").isEqualTo(1);
    }

    @Test
    void aSubscriberFollowsItsFeedAndTheCursorMovesOn() {
        Run subscribed = kurir(FK_KEY, "subscribe", "--product", FeedEvents.SAMORDNINGSNUMMER);
        assertThat(subscribed.exit()).as(subscribed.err()).isZero();
        String subscription = subscribed.out().trim();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(Api.SKATTEVERKET, "/api/v1/products/" + FeedEvents.SAMORDNINGSNUMMER + "/events",
                    FeedEvents.samordningsnummer(null, "ANDRAT")).status()).isEqualTo(201);
        }

        Run followed = kurir(FK_KEY, "feed", subscription, "--follow", "--max", "3");
        assertThat(followed.exit()).as(followed.err()).isZero();
        assertThat(followed.out().lines()).hasSize(3).allMatch(line -> line.contains("ANDRAT"));
        assertThat(kurir(FK_KEY, "feed", subscription).out()).as("the cursor was committed").isBlank();
    }

    @Test
    void anAuditorVerifiesTheChainAgainstAHeadKeptElsewhereAndAnOperatorListsDeadLetters() {
        var head = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
        Map<String, String> auditor = Map.of("KURIR_PASSWORD", "demo-auditor-password");

        Run valid = kurir(auditor, "audit", "verify", "--user", "demo-auditor", "--seq",
                head.get("headSeq").asText(), "--hash", head.get("headHash").asText());
        assertThat(valid.exit()).as(valid.err()).isZero();
        assertThat(valid.out()).startsWith("valid:");

        Run wrong = kurir(auditor, "audit", "verify", "--user", "demo-auditor", "--seq",
                head.get("headSeq").asText(), "--hash", "0".repeat(64));
        assertThat(wrong.exit()).isEqualTo(4);
        assertThat(wrong.out()).contains("NOT valid");

        Run letters = kurir(Map.of("KURIR_PASSWORD", "demo-operator-password"), "dead-letters", "list",
                "--user", "demo-operator", "--json");
        assertThat(letters.exit()).as(letters.err()).isZero();
        assertThat(Api.parse(letters.out()).isArray()).isTrue();
    }

    // --- running it

    private Run kurir(String apiKey, String... args) {
        return kurir(Map.of("KURIR_API_KEY", apiKey), args);
    }

    private Run kurirWithInput(InputStream in, String apiKey, String... args) {
        return run(in, Map.of("KURIR_API_KEY", apiKey), args);
    }

    private Run kurir(Map<String, String> environment, String... args) {
        return run(new ByteArrayInputStream(new byte[0]), environment, args);
    }

    private Run run(InputStream in, Map<String, String> environment, String... args) {
        return KurirCommandLine.run(port(), in, environment, args);
    }

    private static Path temp() throws Exception {
        return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
