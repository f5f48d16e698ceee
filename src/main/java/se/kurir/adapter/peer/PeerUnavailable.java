package se.kurir.adapter.peer;

import se.kurir.registry.PeerNode;

/**
 * A peer node could not take what was sent to it now: unreachable, or answering that it is unavailable. Thrown in a
 * peer's route, it rolls the message back to the head of the peer's queue and opens the route's circuit: the queue
 * waits, in priority order, until {@code kurir.federation.retry-after} has passed and the next attempt succeeds.
 */
final class PeerUnavailable extends RuntimeException {

    PeerUnavailable(PeerNode peer, String reason) {
        super("peer node " + peer.id() + " (" + peer.url() + "): " + reason);
    }
}
