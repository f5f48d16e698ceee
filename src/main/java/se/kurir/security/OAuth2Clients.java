package se.kurir.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Agency systems that authenticate with an OAuth2 access token from a client-credentials grant, as SDK message clients
 * do: a JWT signed by the configured issuer (its JWK set), not expired, whose {@code client_id} is a configured client
 * acting for one participant. Such a caller is that participant, as with an API key; its token's scopes also decide
 * which SDK API calls it may make ({@code urn:sdk.api:sendMessage} and the others of Digg's recommendation). Callers
 * with an API key or a client certificate have no scopes to check.
 */
final class OAuth2Clients implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String SEND = "urn:sdk.api:sendMessage";
    static final String LIST = "urn:sdk.api:getMessageByFilter";
    static final String GET = "urn:sdk.api:getMessage";
    static final String DELETE = "urn:sdk.api:deleteMessage";

    private final SecurityProperties.OAuth2 properties;
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    OAuth2Clients(SecurityProperties.OAuth2 properties) {
        this.properties = properties;
    }

    /** Tokens signed by the issuer's keys, within their validity, naming the issuer when one is configured. */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> validator = properties.issuer() == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(properties.issuer());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validator));
        return decoder;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String client = jwt.getClaimAsString("client_id");
        String participant = client == null ? null : properties.clients().get(client);
        if (participant == null) {
            throw new InvalidBearerTokenException("the token's client_id is no configured client");
        }
        Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.PARTICIPANT));
        return new JwtAuthenticationToken(jwt, authorities, participant);
    }

    /**
     * Allows the call when the caller is a participant and, if it came with a token, the token has the SDK API's
     * scope for the call.
     */
    static AuthorizationManager<RequestAuthorizationContext> sdkScope() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationDecision check(Supplier<Authentication> authentication,
                    RequestAuthorizationContext context) {
                Authentication caller = authentication.get();
                boolean participant = caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.PARTICIPANT));
                if (!participant || !(caller instanceof JwtAuthenticationToken)) {
                    return new AuthorizationDecision(participant);
                }
                String scope = "SCOPE_" + scopeFor(HttpMethod.valueOf(context.getRequest().getMethod()),
                        context.getRequest().getRequestURI());
                return new AuthorizationDecision(caller.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(scope)));
            }
        };
    }

    private static String scopeFor(HttpMethod method, String path) {
        boolean one = path.matches(".*/sdk/messages/[^/]+(/receipt)?/?$");
        if (HttpMethod.POST.equals(method)) {
            return SEND;
        }
        if (HttpMethod.DELETE.equals(method)) {
            return DELETE;
        }
        return one ? GET : LIST;
    }
}
