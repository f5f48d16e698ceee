package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import se.kurir.support.Accessibility;
import se.kurir.support.Api;
import se.kurir.support.HeadlessChromium;
import se.kurir.support.KurirNode;
import se.kurir.support.OidcProvider;

/**
 * People sign in to the web through their agency's identity provider (OpenID Connect, authorization code flow), in a
 * real browser against a provider the test plays from the specification: the node discovers the provider at start,
 * the person's groups in the ID token give them roles and functional mailboxes, and nothing else does. A person whose
 * groups give nothing, an ID token signed with a key the provider never published, and a callback the node did not
 * start are each refused and leave the browser signed out.
 */
class WebSignInIT {

    private static final String REGISTRATION = "skatteverket-id";
    private static final String SKV_KONTROLL = "2021005448.kontroll";
    static OidcProvider provider;
    static KurirNode node;
    private WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        String secret = UUID.randomUUID().toString();
        provider = new OidcProvider("kurir-web", secret);
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        Map<String, Object> properties = new HashMap<>(Map.of(
                registration + "client-id", "kurir-web",
                registration + "client-secret", secret,
                registration + "client-name", "Skatteverkets inloggning",
                registration + "scope", "openid,profile",
                registration + "authorization-grant-type", "authorization_code",
                registration + "redirect-uri", "{baseUrl}/web/login/oauth2/code/{registrationId}",
                "spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", provider.issuer(),
                "spring.security.oauth2.client.provider." + REGISTRATION + ".user-name-attribute",
                        "preferred_username"));
        properties.putAll(Map.of(
                "kurir.security.sign-in.groups[0].name", "skv-kontroll-handlaggare",
                "kurir.security.sign-in.groups[0].roles[0]", "CASE_OFFICER",
                "kurir.security.sign-in.groups[0].mailboxes[0]", SKV_KONTROLL,
                "kurir.security.sign-in.groups[1].name", "skv-granskare",
                "kurir.security.sign-in.groups[1].roles[0]", "REVIEWER"));
        node = KurirNode.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "web-sign-in-"),
                properties);
    }

    @AfterAll
    static void stop() {
        node.close();
        provider.close();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.open("--lang=sv-SE", "--accept-lang=sv-SE,sv");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aPersonWorksInTheMailboxesAndRolesTheirGroupsGiveAndInNothingElse() throws Exception {
        provider.signsInNext("anna.karlsson", "skv-kontroll-handlaggare", "skv-alla-anstallda");
        int tokens = provider.tokensIssued();
        browser.get(url("/web/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/web/login"));
        Accessibility.check(browser, "login-identity-provider");
        browser.findElement(By.id("sign-in-" + REGISTRATION)).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().endsWith("/web/"));
        assertThat(provider.tokensIssued()).as("the code exchanged at the token endpoint").isEqualTo(tokens + 1);
        assertThat(text()).contains("anna.karlsson").contains(SKV_KONTROLL);
        browser.get(url("/web/mailboxes/" + SKV_KONTROLL));
        assertThat(text()).doesNotContain("FORBIDDEN");
        browser.get(url("/web/mailboxes/2021005521.kontroll"));
        assertThat(text()).contains("MAILBOX_FORBIDDEN");
        browser.get(url("/web/reviews"));
        assertThat(text()).as("a case officer's groups make no reviewer").contains("FORBIDDEN");
        assertThat(node.api().get(Api.AUDITOR, "/api/v1/audit?participant=web:anna.karlsson").json()
                .findValuesAsText("actor")).contains("web:anna.karlsson");
    }

    @Test
    void aPersonWhoseGroupsGiveNoRoleIsNotSignedInAndTheRefusalIsAudited() throws Exception {
        provider.signsInNext("bertil.nilsson", "skv-ekonomi");
        signInThroughTheProvider();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("/web/login?refused"));
        assertThat(text()).contains("gav dig ingen roll i Kurir");
        assertSignedOut();
        JsonNode refused = node.api().get(Api.AUDITOR, "/api/v1/audit?participant=web:bertil.nilsson").json();
        assertThat(refused.findValuesAsText("type")).contains("REQUEST_REFUSED");
        assertThat(refused.toString()).contains("SIGN_IN_NO_GROUP");
    }

    @Test
    void anIdTokenSignedWithAKeyTheProviderNeverPublishedIsRefused() throws Exception {
        provider.signsInNextWithUnpublishedKey("cecilia.ek", "skv-granskare");
        int tokens = provider.tokensIssued();
        signInThroughTheProvider();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("/web/login?refused"));
        assertThat(provider.tokensIssued()).as("the token was issued, and its signature refused").isEqualTo(tokens + 1);
        assertSignedOut();
    }

    @Test
    void aCallbackTheNodeDidNotStartIsRefusedWithoutAskingTheProvider() throws Exception {
        provider.signsInNext("david.lind", "skv-granskare");
        int tokens = provider.tokensIssued();
        browser.get(url("/web/login"));
        browser.get(url("/web/login/oauth2/code/" + REGISTRATION + "?code=" + UUID.randomUUID() + "&state=forged"));

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/web/login?refused"));
        assertThat(provider.tokensIssued()).isEqualTo(tokens);
        assertSignedOut();
    }

    private void signInThroughTheProvider() {
        browser.get(url("/web/login"));
        browser.findElement(By.id("sign-in-" + REGISTRATION)).click();
    }

    private void assertSignedOut() {
        browser.get(url("/web/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/web/login"));
    }

    private String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + node.port() + path;
    }
}
