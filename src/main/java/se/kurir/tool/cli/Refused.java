package se.kurir.tool.cli;

/** The node answered with an error: the status and the problem document it sent. */
final class Refused extends RuntimeException {

    private final int status;

    Refused(int status, String body) {
        super("the node answered " + status + ": " + body);
        this.status = status;
    }

    int exitCode() {
        return status >= 500 ? ExitCodes.UNAVAILABLE : ExitCodes.REFUSED;
    }
}
