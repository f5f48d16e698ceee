package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Reviews;
import se.kurir.envelope.LegalBasis;

/**
 * The review queue (sekretessprövning) for reviewers: list, read a held payload the node can read, approve, deny,
 * always with a justification.
 */
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewController {

    private final Reviews reviews;

    ReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    record Pending(String messageId, String sender, String recipient, String product, String agreementId,
            LegalBasis legalBasis, Instant receivedAt) {
        static Pending of(MessageRecord m) {
            return new Pending(m.messageId(), m.sender(), m.recipient(), m.product(), m.agreementId(),
                    m.envelope().legalBasis(), m.receivedAt());
        }
    }

    record Decision(String justification) {
    }

    record Outcome(String messageId, MessageState state, String reasonCode) {
        static Outcome of(MessageRecord m) {
            return new Outcome(m.messageId(), m.state(), m.reasonCode());
        }
    }

    @Operation(summary = "Messages waiting for a review decision")
    @GetMapping
    List<Pending> pending(@RequestParam(defaultValue = "100") int limit) {
        return reviews.pending(Limits.check("limit", limit, 1000)).stream().map(Pending::of).toList();
    }

    /** The reviewer judges the content too; a payload sealed for its recipient is refused (CONTENT_SEALED). */
    @Operation(summary = "A held message's payload, for the reviewer to judge (streamed; each opening is audited)")
    @GetMapping("/{messageId}/payload")
    void heldPayload(@PathVariable String messageId, Authentication reviewer, HttpServletResponse response)
            throws IOException {
        MessageRecord m = reviews.pendingMessage(messageId);
        try (InputStream in = reviews.openContent(reviewer.getName(), messageId)) {
            response.setContentType(m.mediaType());
            // The media type is the sender's word: never let a browser render it in the gateway's origin.
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + messageId + "\"");
            response.setContentLengthLong(m.payload().size());
            in.transferTo(response.getOutputStream());
        }
    }

    @Operation(summary = "Approve release of a held message")
    @PostMapping("/{messageId}/approve")
    Outcome approve(@PathVariable String messageId, @RequestBody(required = false) Decision decision,
            Authentication reviewer) {
        return Outcome.of(reviews.approve(reviewer.getName(), messageId, justification(decision)));
    }

    @Operation(summary = "Deny release of a held message; it is rejected and never delivered")
    @PostMapping("/{messageId}/deny")
    Outcome deny(@PathVariable String messageId, @RequestBody(required = false) Decision decision,
            Authentication reviewer) {
        return Outcome.of(reviews.deny(reviewer.getName(), messageId, justification(decision)));
    }

    private static String justification(Decision decision) {
        if (decision == null || decision.justification() == null || decision.justification().isBlank()) {
            throw new BadRequestException(RestProblem.JUSTIFICATION_REQUIRED, "justification: is required");
        }
        if (decision.justification().length() > 1000) {
            throw new BadRequestException(RestProblem.JUSTIFICATION_INVALID, "justification: at most 1000 characters");
        }
        return decision.justification();
    }
}
