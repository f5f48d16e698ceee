package se.kurir.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import se.kurir.audit.Refusals;

/**
 * A person signed in by their agency's identity provider (OpenID Connect) is given what their groups give
 * ({@code kurir.security.sign-in.groups}): roles and functional mailboxes, as the web knows them from a configured
 * user. The ID token itself (signature, issuer, audience, nonce, expiry) is checked by Spring Security before this.
 * A person whose groups give nothing is not signed in, and the refusal is audited under their name.
 */
final class IdentityProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_KURIR_GROUP = "no_kurir_group";

    private final OidcUserService provider = new OidcUserService();
    private final SecurityProperties.SignIn signIn;
    private final Refusals refusals;

    IdentityProviderSignIn(SecurityProperties.SignIn signIn, Refusals refusals) {
        this.signIn = signIn;
        this.refusals = refusals;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        String nameClaim = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        if (nameClaim == null || nameClaim.isBlank()) {
            nameClaim = IdTokenClaimNames.SUB;
        }
        Set<GrantedAuthority> given = given(person.getClaimAsStringList(signIn.groupsClaim()));
        if (given.isEmpty()) {
            String name = String.valueOf(person.getClaims().getOrDefault(nameClaim, person.getSubject()));
            refusals.record("web:" + name, "WEB", SecurityProblem.SIGN_IN_NO_GROUP.name(), signIn.groupsClaim(),
                    "sign-in through " + request.getClientRegistration().getRegistrationId());
            throw new OAuth2AuthenticationException(new OAuth2Error(NO_KURIR_GROUP,
                    "None of the person's groups is given a role in Kurir", null));
        }
        return new DefaultOidcUser(given, person.getIdToken(), person.getUserInfo(), nameClaim);
    }

    private Set<GrantedAuthority> given(List<String> groups) {
        Collection<String> memberOf = groups == null ? List.of() : groups;
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        signIn.groups().stream().filter(group -> memberOf.contains(group.name())).forEach(group -> {
            group.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            group.mailboxes().forEach(mailbox -> authorities.add(new SimpleGrantedAuthority(
                    Roles.mailboxAuthority(mailbox))));
        });
        return authorities;
    }
}
