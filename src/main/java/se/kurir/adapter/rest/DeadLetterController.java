package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.delivery.DeadLetter;
import se.kurir.delivery.DeadLetters;

/** Dead letters, for operators: what failed after every attempt and why, and a replay for one or all. */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Messages whose delivery failed after every attempt")
    @GetMapping
    List<DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(Limits.check("limit", limit, 1000));
    }

    @Operation(summary = "Queue one dead letter for delivery again (audited)")
    @PostMapping("/{messageId}/replay")
    Map<String, Object> replay(@PathVariable String messageId, Authentication operator) {
        deadLetters.replay(operator.getName(), messageId);
        return Map.of("messageId", messageId, "state", "ACCEPTED");
    }

    @Operation(summary = "Queue every dead letter for delivery again (audited, each one)")
    @PostMapping("/replay")
    Map<String, Object> replayAll(@RequestParam(defaultValue = "1000") int limit, Authentication operator) {
        return Map.of("replayed", deadLetters.replayAll(operator.getName(), Limits.check("limit", limit, 10_000)));
    }
}
