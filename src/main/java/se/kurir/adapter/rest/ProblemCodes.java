package se.kurir.adapter.rest;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import se.kurir.problem.ProblemCode;

/** Builds problem answers (RFC 9457) that always carry a stable {@code code} and its {@code type}. */
final class ProblemCodes {

    private ProblemCodes() {
    }

    static ProblemDetail problem(HttpStatusCode status, ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        typed(problem, code);
        return problem;
    }

    /** Gives a problem Spring made (with type about:blank) its code and type. */
    static void typed(ProblemDetail problem, ProblemCode code) {
        problem.setType(URI.create(code.type()));
        problem.setProperty("code", code.name());
    }
}
