package se.kurir.adapter.shs;

import se.kurir.problem.ProblemCode;

/** A refusal of the SHS services: the Kurir code for the problem answer, the SHS code for the SHS client. */
final class ShsException extends RuntimeException {

    private final transient ProblemCode code;
    private final ShsErrorCode shsCode;

    ShsException(ShsProblem problem, String detail) {
        this(problem, problem.shsCode(), detail, null);
    }

    ShsException(ShsProblem problem, String detail, Throwable cause) {
        this(problem, problem.shsCode(), detail, cause);
    }

    ShsException(ProblemCode code, ShsErrorCode shsCode, String detail, Throwable cause) {
        super(detail, cause);
        this.code = code;
        this.shsCode = shsCode;
    }

    ProblemCode code() {
        return code;
    }

    ShsErrorCode shsCode() {
        return shsCode;
    }
}
