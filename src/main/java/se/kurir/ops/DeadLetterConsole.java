package se.kurir.ops;

import java.util.List;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.kurir.delivery.DeadLetter;
import se.kurir.delivery.DeadLetters;

/**
 * Dead letters in Hawtio's JMX tree ({@code se.kurir > DeadLetters}): the same list and replay as the REST API. JMX is
 * reached only through the operator console's Jolokia endpoint, where Spring Security has signed the operator in,
 * so every replay is audited under the operator's name; a call without a signed-in caller is refused.
 */
@Component
@ManagedResource(objectName = "se.kurir:type=DeadLetters", description = "Dead letters: list and replay")
public class DeadLetterConsole {

    private static final int LIST_LIMIT = 100;
    private static final int REPLAY_LIMIT = 10_000;

    private final DeadLetters deadLetters;

    DeadLetterConsole(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ManagedAttribute(description = "The oldest dead letters (at most 100): id, recipient, attempts, last error")
    public List<String> getDeadLetters() {
        return deadLetters.list(LIST_LIMIT).stream().map(DeadLetterConsole::describe).toList();
    }

    @ManagedOperation(description = "Queue one dead letter for delivery again (audited)")
    @ManagedOperationParameter(name = "messageId", description = "the message id of the dead letter")
    public String replay(String messageId) {
        deadLetters.replay(operator(), messageId);
        return messageId + " queued again";
    }

    @ManagedOperation(description = "Queue every dead letter for delivery again (audited, each one)")
    public int replayAll() {
        return deadLetters.replayAll(operator(), REPLAY_LIMIT);
    }

    private static String operator() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            throw new AccessDeniedException("a replay needs a signed-in operator");
        }
        return caller.getName();
    }

    private static String describe(DeadLetter letter) {
        return "%s to %s (%s), %d attempts, failed %s: %s".formatted(letter.messageId(), letter.recipient(),
                letter.product(), letter.attempts(), letter.failedAt(), letter.lastError());
    }
}
