package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import se.kurir.support.HeadlessChromium;
import se.kurir.support.IntegrationTest;

/**
 * The operator console in a real browser (Debian's chromium, headless, driven by its chromedriver): anonymous users
 * are sent to the sign-in form, other roles are refused, an operator sees the Camel routes with their statistics, and
 * what the console may do through Jolokia is what its policy (config/jolokia/jolokia-access.xml) allows.
 */
class OperatorConsoleIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        browser.get(url("/actuator/hawtio/"));

        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.name("password")).isDisplayed()).isTrue();
        browser.get(url("/actuator/hawtio/camel/routes"));
        assertThat(browser.getPageSource()).doesNotContain("pipeline-ingress");
    }

    @Test
    void auditorIsRefused() {
        signIn("demo-auditor", "demo-auditor-password");

        assertThat(browser.getPageSource()).contains("FORBIDDEN").doesNotContain("pipeline-ingress");
    }

    @Test
    void operatorSeesTheCamelRoutesWithTheirStatistics() throws Exception {
        signIn("demo-operator", "demo-operator-password");
        browser.get(url("/actuator/hawtio/camel/routes"));

        // The route tree comes first, the table with each route's state and exchange counts after it.
        await().atMost(Duration.ofSeconds(60)).until(() -> text().contains("Started"));
        Files.write(Path.of("target", "operator-console-routes.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(text()).contains("pipeline-ingress", "pipeline-enqueue", "delivery-dead-letter-record",
                "pipeline-requeue-stale", "delivery-mailbox-2021005521.kontroll", "Completed", "Failed");

        browser.get(url("/actuator/hawtio/jmx"));
        await().atMost(Duration.ofSeconds(60)).until(() -> text().contains("org.apache.activemq.artemis"));
        assertThat(text()).contains("se.kurir", "org.apache.camel");
    }

    @Test
    void theConsoleMayReadButRunOnlyKurirsAuditedOperationsAndRouteControlAndNothingOnAGet() throws Exception {
        signIn("demo-operator", "demo-operator-password");
        assertThat(browser.manage().getCookieNamed("JSESSIONID").getSameSite()).isEqualTo("Strict");
        assertThat(browser.manage().getCookieNamed("XSRF-TOKEN").getSameSite()).isEqualTo("Strict");

        // A GET (a link or an image another page plants) never executes, whatever the operation.
        JsonNode get = jolokia("GET", "/actuator/jolokia/exec/java.lang:type=Memory/gc", null);
        assertThat(get.at("/body/status").asInt()).as(get.toString()).isEqualTo(403);

        assertThat(jolokia("POST", "/actuator/jolokia/",
                "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}")
                .at("/body/status").asInt()).isEqualTo(200);
        Path heapDump = Path.of("target", "kurir-heap-" + System.nanoTime() + ".hprof").toAbsolutePath();
        for (String forbidden : List.of(
                "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\","
                        + "\"operation\":\"dumpHeap\",\"arguments\":[" + JSON.writeValueAsString(heapDump.toString())
                        + ",true]}",
                "{\"type\":\"read\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\","
                        + "\"attribute\":\"DiagnosticOptions\"}",
                "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\"}",
                "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}")) {
            JsonNode answer = jolokia("POST", "/actuator/jolokia/", forbidden);
            assertThat(answer.at("/body/status").asInt()).as(forbidden + " -> " + answer).isEqualTo(403);
        }
        assertThat(Files.exists(heapDump)).isFalse();

        // Route control and Kurir's own (audited) operations are what an operator runs.
        String route = jolokia("POST", "/actuator/jolokia/",
                "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,name=\\\"pipeline-requeue-stale\\\",*\"}")
                .at("/body/value/0").asText();
        assertThat(route).contains("pipeline-requeue-stale");
        for (String operation : List.of("stop()", "start()")) {
            JsonNode answer = jolokia("POST", "/actuator/jolokia/", "{\"type\":\"exec\",\"mbean\":"
                    + JSON.writeValueAsString(route) + ",\"operation\":\"" + operation + "\"}");
            assertThat(answer.at("/body/status").asInt()).as(operation + " " + answer).isEqualTo(200);
        }
        String deadLetters = jolokia("POST", "/actuator/jolokia/",
                "{\"type\":\"search\",\"mbean\":\"se.kurir:type=DeadLetters,*\"}").at("/body/value/0").asText();
        JsonNode replay = jolokia("POST", "/actuator/jolokia/", "{\"type\":\"exec\",\"mbean\":"
                + JSON.writeValueAsString(deadLetters) + ",\"operation\":\"replayAll\"}");
        assertThat(replay.at("/body/status").asInt()).as(replay.toString()).isEqualTo(200);
    }

    /** A request from the signed-in console page itself, with the CSRF token its script echoes. */
    private JsonNode jolokia(String method, String path, String body) throws Exception {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];"
                        + "const init = {method: arguments[0], headers: {'X-XSRF-TOKEN': token}};"
                        + "if (arguments[2]) { init.body = arguments[2];"
                        + " init.headers['Content-Type'] = 'application/json'; }"
                        + "fetch(arguments[1], init)"
                        + ".then(r => r.text().then(t => done(JSON.stringify({http: r.status, text: t}))))"
                        + ".catch(e => done(JSON.stringify({http: -1, text: String(e)})));",
                method, path, body);
        JsonNode raw = JSON.readTree(answer.toString());
        String text = raw.get("text").asText();
        ObjectNode result = JSON.createObjectNode().put("http", raw.get("http").asInt());
        result.set("body", text.startsWith("{") ? JSON.readTree(text)
                : JSON.createObjectNode().put("status", raw.get("http").asInt()));
        return result;
    }

    private void signIn(String username, String password) {
        browser.get(url("/actuator/hawtio/"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().contains("/actuator/hawtio"));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port() + path;
    }
}
