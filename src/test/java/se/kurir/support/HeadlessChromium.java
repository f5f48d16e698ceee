package se.kurir.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium, headless, driven by its chromedriver (.ci/run installs both), with a profile of its own. */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    public static WebDriver open(String... extraArguments) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("install Debian's chromium and chromium-driver (.ci/run does)").isTrue();
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1600,1000",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-"))
                .addArguments(extraArguments);
        // The requests the page made, for tests that check what a script sent (Network.requestWillBeSent).
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        var driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    /** The value of one header on each request of this method the page has made since the last call. */
    public static List<String> requestHeaders(WebDriver browser, String method, String header) {
        return browser.manage().logs().get("performance").getAll().stream()
                .map(entry -> Api.parse(entry.getMessage()).path("message"))
                .filter(m -> m.path("method").asText().equals("Network.requestWillBeSent"))
                .map(m -> m.path("params").path("request"))
                .filter(request -> request.path("method").asText().equals(method))
                .map(request -> request.path("headers").path(header).asText()).toList();
    }
}
