package se.kurir.security;

import se.kurir.problem.ProblemCode;

/** Why a caller was not let in. */
public enum SecurityProblem implements ProblemCode {
    UNAUTHENTICATED("No valid credentials: send X-Api-Key, HTTP Basic or a registered client certificate."),
    FORBIDDEN("The caller's role does not allow this request."),
    CROSS_SITE_REQUEST_REFUSED("A state-changing request with HTTP Basic from a browser page, or with a form body."),
    CLIENT_CERTIFICATE_NO_PARTICIPANT("The client certificate names no registered participant."),
    CLIENT_CERTIFICATE_REVOKED("The client certificate is revoked."),
    PEER_NODE_UNKNOWN("The client certificate on the federation listener is no peer node's in the directory."),
    NOT_ON_THIS_LISTENER("The node-to-node API is served on the federation listener only, and nothing else is."),
    SIGN_IN_NO_GROUP("A person signed in by an identity provider whose groups give no role in Kurir.");

    private final String meaning;

    SecurityProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
