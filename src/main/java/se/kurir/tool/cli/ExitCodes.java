package se.kurir.tool.cli;

/** What {@code bin/kurir} exits with: scripts branch on these. */
final class ExitCodes {

    static final int OK = 0;
    /** Wrong usage, a file that cannot be read, a node that cannot be reached. */
    static final int FAILED = 1;
    /** The node refused the request (4xx): the problem's code is printed. */
    static final int REFUSED = 2;
    /** The node could not do it now (5xx): try again. */
    static final int UNAVAILABLE = 3;
    /** The audit log does not verify, or its head is not the one expected. */
    static final int NOT_VERIFIED = 4;
    /** {@code kurir conformance}: a scenario of the plan failed. */
    static final int NOT_CONFORMING = 5;

    private ExitCodes() {
    }
}
