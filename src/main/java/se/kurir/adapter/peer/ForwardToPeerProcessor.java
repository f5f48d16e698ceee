package se.kurir.adapter.peer;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.DeadLetters;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.MessageRecord;
import se.kurir.registry.PeerNode;

/**
 * Forwards one message from a peer's queue to that peer. Taken over (2xx; a repeat the peer already has is taken
 * too): delivered here, audited naming the peer. Unavailable (unreachable, 5xx): the attempt is counted and
 * {@link PeerUnavailable} rolls the message back to the head of the queue. Refused (any other answer: the peer's
 * policy, a seal it cannot verify): retrying would not change it, so the message is a dead letter at once, with the
 * peer's answer as its last error, for an operator to look at and replay.
 */
final class ForwardToPeerProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ForwardToPeerProcessor.class);
    private static final int ANSWER_LIMIT = 300;

    private final PeerNode peer;
    private final Duration retryAfter;
    private final PeerLink link;
    private final MailboxDelivery delivery;
    private final DeadLetters deadLetters;
    /** Whether the last attempt found the peer unavailable: an outage is logged when it starts and when it ends. */
    private final AtomicBoolean down = new AtomicBoolean();

    ForwardToPeerProcessor(PeerNode peer, PeerLink link, MailboxDelivery delivery, DeadLetters deadLetters,
            Duration retryAfter) {
        this.peer = peer;
        this.retryAfter = retryAfter;
        this.link = link;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        String messageId = exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class);
        Optional<MessageRecord> waiting = delivery.startingAttempt(messageId);
        if (waiting.isEmpty()) {
            return;
        }
        MessageRecord message = waiting.get();
        PeerLink.Answer answer;
        try {
            answer = link.forward(peer, message);
        } catch (IOException e) {
            throw unavailable(messageId, "unreachable: " + e);
        }
        if (!answer.unavailable() && down.compareAndSet(true, false)) {
            log.info("Peer node {} takes messages again", peer.id());
        }
        if (answer.taken()) {
            delivery.deliveredToPeer(message, exchange.getIn().getHeader("JMSMessageID", String.class), peer.id());
        } else if (answer.unavailable()) {
            throw unavailable(messageId, "answered " + answer.status());
        } else {
            String error = "peer node " + peer.id() + " refused it: " + answer.status() + " " + brief(answer.body());
            deadLetters.attemptFailed(messageId, error);
            deadLetters.record(messageId);
            log.warn(FederationLogCode.FORWARD_REFUSED + " message {}: {}", messageId, error);
        }
    }

    private PeerUnavailable unavailable(String messageId, String reason) {
        PeerUnavailable failure = new PeerUnavailable(peer, reason);
        deadLetters.attemptFailed(messageId, failure.getMessage());
        if (down.compareAndSet(false, true)) {
            log.warn(FederationLogCode.PEER_UNAVAILABLE + " {}; its queue waits, trying again every {}",
                    failure.getMessage(), retryAfter);
        }
        return failure;
    }

    /** The peer's problem answer names its code and field; only so much of it is kept. */
    private static String brief(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
        return oneLine.length() <= ANSWER_LIMIT ? oneLine : oneLine.substring(0, ANSWER_LIMIT) + "...";
    }
}
