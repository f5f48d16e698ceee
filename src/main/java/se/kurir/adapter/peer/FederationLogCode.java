package se.kurir.adapter.peer;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of federation: forwarding to peer nodes and relaying their receipts. */
@LogCodeRange(from = 9000, to = 9999, concern = "federation (peer nodes)")
public enum FederationLogCode implements LogCode {

    @Code(value = 9001, meaning = "A peer node refused a forwarded message (its policy, a seal it cannot verify); the "
            + "message is a dead letter with the peer's answer as its last error. Fix the cause, then replay it.")
    FORWARD_REFUSED,

    @Code(value = 9002, meaning = "A peer node could not be reached or was unavailable; its queue waits, in priority "
            + "order, and the next message is tried after kurir.federation.retry-after.")
    PEER_UNAVAILABLE,

    @Code(value = 9003, meaning = "Receipts could not be relayed to a peer node; they go with the next relay.")
    RECEIPTS_NOT_RELAYED,

    @Code(value = 9004, meaning = "Crisis mode was switched: bulk transfers to peer nodes are held back, or released.")
    CRISIS_MODE_SWITCHED;

    @Override
    public String toString() {
        return code();
    }
}
