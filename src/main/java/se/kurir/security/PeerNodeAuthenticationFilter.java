package se.kurir.security;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import se.kurir.crypto.Pem;
import se.kurir.registry.PeerNode;
import se.kurir.registry.Registry;

/**
 * Authenticates other Kurir nodes on the federation listener ({@code kurir.federation.port}), where TLS has already
 * demanded a client certificate chaining to the federation trust store. The certificate must be the very one the
 * directory names for a peer node (by its SHA-256 fingerprint): a certificate the CA issued to anyone else, an agency
 * system's say, is refused and the refusal audited. That listener serves {@code /federation/} and nothing else, and
 * nothing else answers there: an agency's credentials cannot reach the node-to-node API, nor a node's the agency API.
 */
final class PeerNodeAuthenticationFilter extends OncePerRequestFilter {

    static final String PATH = "/federation/";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final int federationPort;
    private final ObjectMapper json;
    private final Registry registry;
    private final AuthenticationEntryPoint entryPoint;
    private final Refusals refusals;

    /** @param federationPort the federation listener's port; 0 when this node is not federated */
    PeerNodeAuthenticationFilter(int federationPort, ObjectMapper json, Registry registry,
            AuthenticationEntryPoint entryPoint, Refusals refusals) {
        this.federationPort = federationPort;
        this.json = json;
        this.registry = registry;
        this.entryPoint = entryPoint;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filters)
            throws ServletException, IOException {
        boolean onListener = federationPort > 0 && request.getLocalPort() == federationPort;
        boolean federationPath = request.getRequestURI().startsWith(PATH);
        if (!onListener && !federationPath) {
            filters.doFilter(request, response);
            return;
        }
        if (!onListener || !federationPath) {
            // Each API on its own listener; written here, since an error dispatch would meet the agency filters.
            ProblemResponses.write(json, response, HttpServletResponse.SC_NOT_FOUND,
                    SecurityProblem.NOT_ON_THIS_LISTENER, request.getRequestURI() + " is not served on this port");
            return;
        }
        Optional<X509Certificate> presented = request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain
                && chain.length > 0 ? Optional.of(chain[0]) : Optional.empty();
        Optional<PeerNode> node = presented.map(Pem::fingerprint).flatMap(registry::peerNodeByFingerprint);
        if (node.isEmpty()) {
            SecurityContextHolder.clearContext();
            refusals.record(presented.map(c -> "certificate:" + Pem.fingerprint(c)).orElse("anonymous"),
                    "FEDERATION", SecurityProblem.PEER_NODE_UNKNOWN.name(), "certificate",
                    request.getMethod() + " " + request.getRequestURI());
            entryPoint.commence(request, response, new BadCredentialsException("not a peer node's certificate"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(node.get().id(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.PEER_NODE)));
        authentication.setDetails("peer-node");
        SecurityContextHolder.getContext().setAuthentication(authentication);
        filters.doFilter(request, response);
    }
}
