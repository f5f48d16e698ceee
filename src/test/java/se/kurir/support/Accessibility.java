package se.kurir.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** A page checked against axe-core's WCAG 2.1 A and AA rules in the browser showing it, and photographed. */
public final class Accessibility {

    /** Where the screens are photographed; docs/web/ holds the copies. */
    public static final Path SCREENS = Path.of("target", "web-screens");

    private Accessibility() {
    }

    public static void check(WebDriver browser, String screen) throws IOException {
        String axe;
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var script = (JavascriptExecutor) browser;
        script.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', ')))))"
                + ".catch(e => done(JSON.stringify(['axe failed: ' + e])));");
        JsonNode violations = Api.parse(result.toString());
        assertThat(violations).as(screen + ": " + violations).isEmpty();
        Files.createDirectories(SCREENS);
        Files.write(SCREENS.resolve(screen + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
