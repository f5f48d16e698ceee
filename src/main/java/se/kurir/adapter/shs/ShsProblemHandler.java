package se.kurir.adapter.shs;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.kurir.delivery.RequestRefusedException;
import se.kurir.policy.RejectionCode;
import se.kurir.problem.ProblemCode;

/**
 * SHS refusals answer 400 as SHS does, with the SHS error code in {@code X-shs-errorcode} for the SHS client, and a
 * problem answer (RFC 9457) with Kurir's code and a detail naming the field for the people reading the logs.
 */
@RestControllerAdvice(assignableTypes = {ShsReceiveController.class, ShsDeliveryController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShsProblemHandler {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ShsException e) {
        return answer(e.code(), e.shsCode(), e.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(ShsRejectedException e) {
        return answer(e.code(), e.shsCode(), e.getMessage(), e.messageId());
    }

    /**
     * A synch request refused by policy, or not answered (timeout, the answerer failed, an unusable reply: OtherError,
     * the problem's code saying which); the request route has audited it either way.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> requestRefused(RequestRefusedException e) {
        if (e.kind() == RequestRefusedException.Kind.REJECTED && e.code() instanceof RejectionCode rejection) {
            return answer(e.code(), ShsErrorCode.forRejection(rejection), e.getMessage(), e.requestId());
        }
        return answer(e.code(), ShsErrorCode.OTHER_ERROR, e.getMessage(), e.requestId());
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemCode code, ShsErrorCode shsCode, String detail,
            String messageId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(code.type()));
        problem.setProperty("code", code.name());
        problem.setProperty("shsErrorCode", shsCode.wireName());
        var answer = ResponseEntity.badRequest().header(ShsHeaders.ERROR_CODE, shsCode.wireName());
        if (messageId != null) {
            problem.setProperty("messageId", messageId);
            answer.header(ShsHeaders.TX_ID, messageId);
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
