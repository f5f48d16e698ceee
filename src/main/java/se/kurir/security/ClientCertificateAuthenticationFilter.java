package se.kurir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import se.kurir.audit.Refusals;
import se.kurir.crypto.CertificateRegistry;
import se.kurir.crypto.OrganisationNumbers;
import se.kurir.crypto.ParticipantCertificate;
import se.kurir.crypto.Pem;
import se.kurir.registry.Registry;

/**
 * Authenticates agency systems by their TLS client certificate (mutual TLS). The TLS layer has already checked the
 * chain against the configured trust store; here the organisation number in the subject, as Swedish function
 * certificates carry it, names the participant. A certificate registered in Kurir and revoked there is refused even
 * while its chain is still trusted. A request that comes with a valid certificate is that participant's, whatever
 * API key it also sends.
 */
final class ClientCertificateAuthenticationFilter extends OncePerRequestFilter {

    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final Registry registry;
    private final CertificateRegistry certificates;
    private final AuthenticationEntryPoint entryPoint;
    private final Refusals refusals;

    ClientCertificateAuthenticationFilter(Registry registry, CertificateRegistry certificates,
            AuthenticationEntryPoint entryPoint, Refusals refusals) {
        this.registry = registry;
        this.certificates = certificates;
        this.entryPoint = entryPoint;
        this.refusals = refusals;
    }

    /** An error dispatch of a request refused before this filter saw it still knows who called. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request.getAttribute(CERTIFICATES) instanceof X509Certificate[] presented) || presented.length == 0
                || SecurityContextHolder.getContext().getAuthentication() != null) {
            chain.doFilter(request, response);
            return;
        }
        X509Certificate client = presented[0];
        Optional<String> participant = OrganisationNumbers.fromSubject(client.getSubjectX500Principal())
                .filter(org -> registry.participant(org).isPresent());
        String keyId = Pem.fingerprint(client);
        if (participant.isEmpty()) {
            refuse(request, response, keyId, SecurityProblem.CLIENT_CERTIFICATE_NO_PARTICIPANT,
                    "the client certificate names no participant");
            return;
        }
        if (certificates.registered(keyId).map(ParticipantCertificate::revokedAt).isPresent()) {
            refuse(request, response, keyId, SecurityProblem.CLIENT_CERTIFICATE_REVOKED,
                    "the client certificate is revoked");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(participant.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.PARTICIPANT)));
        authentication.setDetails("client-certificate:" + keyId);
        Authenticated.remember(authentication, request, response);
        chain.doFilter(request, response);
    }

    /** Audited under the certificate's fingerprint: the caller is not authenticated, but it is known which key. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String keyId, SecurityProblem code,
            String reason) throws IOException, ServletException {
        SecurityContextHolder.clearContext();
        refusals.record("certificate:" + keyId, "MTLS", code.name(),
                "certificate", request.getMethod() + " " + request.getRequestURI());
        entryPoint.commence(request, response, new BadCredentialsException(reason));
    }
}
