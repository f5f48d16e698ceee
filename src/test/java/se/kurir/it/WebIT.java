package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import se.kurir.crypto.CertificateUsage;
import se.kurir.crypto.KeyKind;
import se.kurir.crypto.Pem;
import se.kurir.support.Accessibility;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.HeadlessChromium;
import se.kurir.support.IntegrationTest;
import se.kurir.support.TestAuthority;
import se.kurir.tool.CertificateAuthority;

/**
 * The web in a real browser (Debian's chromium, headless): a case officer at Försäkringskassan composes a message
 * with an attachment, a case officer at Skatteverket finds it in their functional mailbox, downloads and acknowledges
 * it, and the sender sees the receipts arrive; a large attachment goes in resumable chunks; a reviewer reads a held
 * message's content and releases it; an auditor verifies the chain; an operator registers a certificate and reads the
 * registry. A message in a mailbox the person was not given is refused by
 * address, a form without its CSRF token is refused, and no page may be kept by the browser. Every page passes the
 * axe-core accessibility rules of WCAG 2.1 A and AA, and each is photographed (target/web-screens/, copied to
 * docs/web/).
 */
class WebIT extends IntegrationTest {

    private static final String FK_OFFICER = "demo-handlaggare-fk";
    private static final String SKV_OFFICER = "demo-handlaggare-skv";
    private static final String SKV_KONTROLL = "2021005448.kontroll";

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.open("--lang=sv-SE", "--accept-lang=sv-SE,sv");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerSendsAFileTheRecipientReadsAndAcknowledgesItAndTheSenderSeesTheReceipts() throws Exception {
        signIn(FK_OFFICER);
        checked("home");
        assertThat(text()).contains("2021005521.kontroll").contains("2021005521.handlaggning");

        browser.get(url("/web/compose"));
        checked("compose");
        browser.findElement(By.cssSelector("#route option[value='fk-skv-manadsfil|" + SKV_KONTROLL + "']")).click();
        browser.findElement(By.id("subject")).sendKeys("Utbetalningar november");
        byte[] file = ("personnummer;belopp\n" + Envelopes.SYNTHETIC_PERSONNUMMER + ";4120\n")
                .getBytes(StandardCharsets.UTF_8);
        Path attachment = Files.write(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "web-")
                .resolve("manadsfil-november.csv"), file);
        browser.findElement(By.id("attachment")).sendKeys(attachment.toString());
        browser.findElement(By.cssSelector("#compose button[type=submit]")).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("/web/sent/"));
        String messageId = browser.findElement(By.id("message-id")).getText();
        // The page follows the message by itself: DELIVERED arrives without a reload.
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> receipts().contains("DELIVERED"));
        checked("sent");
        var envelope = api.get(Api.SKATTEVERKET, "/api/v1/mailboxes/" + SKV_KONTROLL + "/messages/" + messageId)
                .json();
        assertThat(envelope.at("/envelope/legalBasis/provision").asText()).as("the agreement's legal basis")
                .isEqualTo("10 kap. 28 §");
        assertThat(envelope.at("/envelope/metadata/filename").asText()).isEqualTo("manadsfil-november.csv");
        assertThat(api.auditRecord(messageId, "MESSAGE_ACCEPTED").toString()).contains("WEB");
        signOut();

        signIn(SKV_OFFICER);
        browser.get(url("/web/mailboxes/" + SKV_KONTROLL));
        checked("mailbox");
        browser.findElement(By.linkText("Utbetalningar november")).click();
        checked("message");
        assertThat(text()).contains("10 kap. 28 §").contains("uppgiftsskyldighet").contains("Fem år");
        assertThat(download(browser.findElement(By.id("download")).getAttribute("href"))).isEqualTo(file);
        browser.findElement(By.cssSelector("form[action$='/ack'] button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> text().contains("kvitterat"));
        signOut();

        signIn(FK_OFFICER);
        browser.get(url("/web/sent/" + messageId));
        assertThat(receipts()).containsSubsequence("ACCEPTED", "DELIVERED", "FETCHED", "ACKNOWLEDGED");
    }

    /**
     * A file above the web's resumable threshold (8 MB) goes as a resumable upload in 4 MB chunks. The test first
     * plays an earlier attempt in the same tab that broke off after one chunk; sending again goes on from there, and
     * when the network then fails a chunk, the script goes on from what the node has.
     */
    @Test
    void aLargeAttachmentGoesInChunksThatSurviveABrokenAttemptAndAFailedChunk() throws Exception {
        signIn(FK_OFFICER);
        browser.get(url("/web/compose"));
        String route = "fk-skv-manadsfil|" + SKV_KONTROLL;
        browser.findElement(By.cssSelector("#route option[value='" + route + "']")).click();
        browser.findElement(By.id("subject")).sendKeys("Utbetalningar helår");
        Path file = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "web-").resolve("helar.csv");
        byte[] line = ("personnummer;belopp\n" + Envelopes.SYNTHETIC_PERSONNUMMER + ";4120\n")
                .getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < 9L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        browser.findElement(By.id("attachment")).sendKeys(file.toString());

        // The earlier attempt: the upload started and its first chunk sent, then the connection gone.
        Object firstChunk = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('compose');
                const file = document.getElementById('attachment').files[0];
                const headers = {[form.dataset.csrfHeader]: form.dataset.csrf};
                const start = new URLSearchParams({route: form.elements.route.value, mediaType: 'text/csv'});
                fetch(form.dataset.uploads, {method: 'POST', headers, body: start}).then(r => r.json())
                  .then(upload => fetch(form.dataset.uploads + '/' + upload.uploadId, {method: 'PATCH',
                      headers: {...headers, 'Upload-Offset': '0', 'Content-Type': 'application/octet-stream'},
                      body: file.slice(0, Number(form.dataset.chunkSize))}).then(r => r.json()))
                  .then(upload => {
                    sessionStorage.setItem('kurir-upload:' + form.elements.route.value + ':' + file.name + ':'
                        + file.size + ':' + file.lastModified, upload.uploadId);
                    done([upload.uploadId, upload.received]);
                  }).catch(e => done('failed: ' + e));
                """);
        assertThat(firstChunk).asList().element(1).isEqualTo(4L * 1024 * 1024);
        String uploadId = (String) ((List<?>) firstChunk).get(0);

        // The upload is the person's: a colleague elsewhere, signed in as a case officer too, cannot see or add to it.
        WebDriver colleague = HeadlessChromium.open();
        try {
            signIn(colleague, SKV_OFFICER);
            Object refused = ((JavascriptExecutor) colleague).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = document.querySelector('header input[name=_csrf]').value;
                    fetch('/web/uploads/' + arguments[0], {method: 'PATCH',
                        headers: {'X-CSRF-TOKEN': token, 'Upload-Offset': '4194304',
                                  'Content-Type': 'application/octet-stream'}, body: 'not the file'})
                      .then(r => done(r.status)).catch(e => done('failed: ' + e));
                    """, uploadId);
            assertThat(refused).isEqualTo(404L);
        } finally {
            colleague.quit();
        }
        assertThat(HeadlessChromium.requestHeaders(browser, "PATCH", "Upload-Offset")).containsExactly("0");

        // And in this attempt the network fails the last chunk once: the script asks how far it came and goes on.
        ((JavascriptExecutor) browser).executeScript("""
                const realFetch = window.fetch;
                window.fetch = (url, init) => {
                  const offset = init && init.headers && init.headers['Upload-Offset'];
                  if (offset === '8388608' && !sessionStorage.getItem('test-network-failed-at')) {
                    sessionStorage.setItem('test-network-failed-at', offset);
                    return Promise.reject(new TypeError('Failed to fetch'));
                  }
                  return realFetch(url, init);
                };
                """);
        browser.findElement(By.cssSelector("#compose button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.getCurrentUrl().contains("/web/sent/"));
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('test-network-failed-at')")).isEqualTo("8388608");
        assertThat(HeadlessChromium.requestHeaders(browser, "PATCH", "Upload-Offset"))
                .as("the chunks after the first, each once").containsExactly("4194304", "8388608");
        String messageId = browser.findElement(By.id("message-id")).getText();
        var delivered = api.get(Api.SKATTEVERKET, "/api/v1/mailboxes/" + SKV_KONTROLL + "/messages/" + messageId)
                .json();
        assertThat(delivered.at("/envelope/payload/sha256").asText()).as("the whole file, once")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file))));
        assertThat(delivered.at("/envelope/metadata/filename").asText()).isEqualTo("helar.csv");
        assertThat(api.auditRecord(messageId, "MESSAGE_ACCEPTED").toString()).contains("WEB");
    }

    @Test
    void aReviewerReadsTheContentAndReleasesAHeldMessageWithAJustification() throws Exception {
        String id = UUID.randomUUID().toString();
        var held = api.sendMessage(Api.POLISEN, Envelopes.falskIdentitet(id), Envelopes.payload());
        assertThat(held.json().get("status").asText()).isEqualTo("HELD_FOR_REVIEW");

        signIn("demo-reviewer");
        browser.get(url("/web/reviews"));
        checked("reviews");
        browser.get(url("/web/reviews/" + id));
        assertThat(browser.findElements(By.id("content-preview"))).as("shown only when asked for").isEmpty();
        browser.findElement(By.id("show-content")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("content-preview")).isEmpty());
        checked("review");
        assertThat(browser.findElement(By.id("content-preview")).getText()).contains(Envelopes.SYNTHETIC_PERSONNUMMER);
        assertThat(api.auditRecord(id, "REVIEW_CONTENT_OPENED").get("actor").asText()).isEqualTo("demo-reviewer");
        browser.findElement(By.id("justification")).sendKeys("OSL 10 kap. 27 §: uppgiften behövs för utredningen");
        browser.findElement(By.cssSelector("button[value=approve]")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("decided="));
        JsonNode approved = api.auditRecord(id, "REVIEW_APPROVED");
        assertThat(approved.get("actor").asText()).isEqualTo("demo-reviewer");
        assertThat(approved.get("details").asText()).contains("utredningen");
    }

    @Test
    void aMessageInAMailboxThePersonWasNotGivenIsRefusedByAddress() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), Envelopes.payload()).status())
                .isEqualTo(202);

        signIn(SKV_OFFICER);
        browser.get(url("/web/mailboxes/2021005521.kontroll/messages/" + id));
        assertThat(text()).contains("MAILBOX_FORBIDDEN").doesNotContain(id);
        browser.get(url("/web/mailboxes/2021005521.kontroll/messages/" + id + "/payload"));
        assertThat(browser.getPageSource()).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER);
        signOut();

        // Försäkringskassan's officer works in kontroll and handlaggning, not in its integration platform's mailbox.
        signIn(FK_OFFICER);
        browser.get(url("/web/mailboxes/2021005521.integration"));
        assertThat(text()).contains("MAILBOX_FORBIDDEN");
        List<String> actors = api.get(Api.AUDITOR, "/api/v1/audit?participant=web:" + SKV_OFFICER).json()
                .findValuesAsText("actor");
        assertThat(actors).contains("web:" + SKV_OFFICER);
    }

    @Test
    void theAuditorVerifiesTheChainAndTheOperatorRegistersACertificateAndReadsTheRegistry() throws Exception {
        signIn("demo-auditor");
        browser.get(url("/web/audit?verify=true"));
        checked("audit");
        var verified = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
        assertThat(browser.findElement(By.id("verification")).getText()).contains("Kedjan är hel");
        assertThat(Long.parseLong(browser.findElement(By.id("head-seq")).getText()))
                .isLessThanOrEqualTo(verified.get("headSeq").asLong()).isPositive();
        signOut();

        signIn("demo-operator");
        browser.get(url("/web/operations"));
        checked("operations");
        var certificate = TestAuthority.CA.issue("2021005521", "Web IT", CertificateUsage.SIGNING,
                CertificateAuthority.generate(KeyKind.EC_P256).getPublic(), Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        browser.findElement(By.id("pem")).sendKeys(Pem.text(certificate));
        browser.findElement(By.cssSelector("form[action$='/web/operations/certificates'] button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("registered="));
        var registered = api.get(Api.OPERATOR, "/api/v1/certificates/" + Pem.fingerprint(certificate)).json();
        assertThat(registered.get("registeredBy").asText()).isEqualTo("demo-operator");
        assertThat(registered.get("participant").asText()).isEqualTo("2021005521");
        browser.findElement(By.id("pem")).sendKeys("-----BEGIN CERTIFICATE-----\nnot a certificate\n");
        browser.findElement(By.cssSelector("form[action$='/web/operations/certificates'] button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> text().contains("CERTIFICATE_UNREADABLE"));
        browser.get(url("/web/operations/registry"));
        checked("registry");
        assertThat(text()).contains("fk-skv-manadsfil").contains("2021005521.kontroll");
        browser.get(url("/web/audit"));
        assertThat(text()).as("an operator is no auditor").contains("FORBIDDEN");
    }

    @Test
    void formsNeedTheirCsrfTokenAndNoPageIsKeptByTheBrowser() throws Exception {
        signIn(SKV_OFFICER);
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/web/")))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url("/web/mailboxes/"
                + SKV_KONTROLL + "/messages/" + UUID.randomUUID() + "/ack"))).header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        browser.get(url("/web/login?logout"));
        checked("login");
    }

    // --- the browser

    private void signIn(String username) {
        signIn(browser, username);
    }

    private void signIn(WebDriver someone, String username) {
        someone.get(url("/web/login"));
        someone.findElement(By.id("username")).sendKeys(username);
        someone.findElement(By.id("password")).sendKeys(username + "-password");
        someone.findElement(By.cssSelector("main form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> someone.getCurrentUrl().endsWith("/web/"));
    }

    private void signOut() {
        browser.findElement(By.cssSelector("header form button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/web/login"));
    }

    private void checked(String screen) throws IOException {
        Accessibility.check(browser, screen);
    }

    private List<String> receipts() {
        return browser.findElements(By.cssSelector("tr.receipt td[data-type]")).stream()
                .map(e -> e.getAttribute("data-type")).toList();
    }

    /** The download link, fetched with the browser's session as the browser would. */
    private byte[] download(String href) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port() + path;
    }
}
