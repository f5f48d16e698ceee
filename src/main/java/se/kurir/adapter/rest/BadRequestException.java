package se.kurir.adapter.rest;

import se.kurir.problem.ProblemCode;
/** A request the API cannot take, with a stable code. */
final class BadRequestException extends RuntimeException {

    private final ProblemCode code;

    BadRequestException(ProblemCode code, String message) {
        super(message);
        this.code = code;
    }

    ProblemCode code() {
        return code;
    }
}
