package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import se.kurir.support.IntegrationTest;

/**
 * The operator console in a real browser (Debian's chromium, headless, driven by its chromedriver): anonymous users
 * are sent to the sign-in form, other roles are refused, an operator sees the Camel routes with their statistics.
 */
class OperatorConsoleIT extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("install Debian's chromium and chromium-driver (.ci/run does)").isTrue();
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-"));
        var driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
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
