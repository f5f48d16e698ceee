package se.kurir.adapter.sdk;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal of the SDK message service: the code, the HTTP status and, for a message, its issues. */
final class SdkException extends RuntimeException {

    private final SdkProblem code;
    private final HttpStatus status;
    private final transient List<SdkIssue> issues;

    SdkException(SdkProblem code, HttpStatus status, String detail) {
        this(code, status, detail, List.of());
    }

    SdkException(SdkProblem code, HttpStatus status, String detail, List<SdkIssue> issues) {
        super(detail);
        this.code = code;
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    static SdkException badRequest(SdkProblem code, String detail) {
        return new SdkException(code, HttpStatus.BAD_REQUEST, detail);
    }

    SdkProblem code() {
        return code;
    }

    HttpStatus status() {
        return status;
    }

    List<SdkIssue> issues() {
        return issues;
    }
}
