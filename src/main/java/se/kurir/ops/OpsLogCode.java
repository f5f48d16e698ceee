package se.kurir.ops;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of operations. */
@LogCodeRange(from = 7000, to = 7999, concern = "operations")
public enum OpsLogCode implements LogCode {

    @Code(value = 7001, meaning = "The embedded broker failed (a critical I/O error of its journal): the node "
            + "refuses traffic and exits with 70 for its supervisor to restart it.")
    BROKER_LOST,

    @Code(value = 7002, meaning = "The shutdown after a broker failure took longer than kurir.ops.fail-stop-timeout; "
            + "the node halts.")
    HALTING,

    @Code(value = 7003, meaning = "Requests were still in flight after kurir.ops.fail-stop-drain when the node "
            + "closed its connections; their clients resend.")
    REQUESTS_CUT;

    @Override
    public String toString() {
        return code();
    }
}
