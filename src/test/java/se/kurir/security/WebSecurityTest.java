package se.kurir.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** An identity provider registered with a callback the web does not serve stops the node at start, saying which. */
class WebSecurityTest {

    @Test
    void aRegistrationWithSpringsDefaultCallbackIsRefusedNamingTheProperty() {
        var providers = new InMemoryClientRegistrationRepository(
                registration("skatteverket-id", "{baseUrl}/web/login/oauth2/code/{registrationId}"),
                registration("fk-id", "{baseUrl}/login/oauth2/code/{registrationId}"));

        assertThatThrownBy(() -> WebSecurity.requireWebCallbacks(providers))
                .hasMessageContaining("spring.security.oauth2.client.registration.fk-id.redirect-uri")
                .hasMessageContaining("/web/login/oauth2/code/");
    }

    @Test
    void theWebsCallbackWrittenOutOrAsATemplateIsAccepted() {
        var providers = new InMemoryClientRegistrationRepository(
                registration("skatteverket-id", "{baseUrl}/web/login/oauth2/code/{registrationId}"),
                registration("fk-id", "https://kurir.example/web/login/oauth2/code/fk-id"));

        assertThatCode(() -> WebSecurity.requireWebCallbacks(providers)).doesNotThrowAnyException();
    }

    private static ClientRegistration registration(String id, String redirectUri) {
        return ClientRegistration.withRegistrationId(id).clientId("kurir-web").clientSecret("not-a-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(redirectUri)
                .authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
                .jwkSetUri("https://idp.example/jwks").scope("openid").build();
    }
}
