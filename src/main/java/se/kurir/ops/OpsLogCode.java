package se.kurir.ops;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of operations. */
@LogCodeRange(from = 7000, to = 7999, concern = "operations")
public enum OpsLogCode implements LogCode {

    BROKER_LOST(7001, "The embedded broker failed (a critical I/O error of its journal): the node refuses traffic and exits with 70 for its supervisor to restart it."),
    HALTING(7002, "The shutdown after a broker failure took longer than kurir.ops.fail-stop-timeout; the node halts."),
    REQUESTS_CUT(7003, "Requests were still in flight after kurir.ops.fail-stop-drain when the node closed its connections; their clients resend.");

    private final int number;
    private final String meaning;

    OpsLogCode(int number, String meaning) {
        this.number = number;
        this.meaning = meaning;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code();
    }
}
