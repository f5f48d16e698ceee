package se.kurir.adapter.rest;

/** Page-size parameters: out of range is a clear 400 naming the parameter, never silently changed. */
final class Limits {

    private Limits() {
    }

    static int check(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new BadRequestException(RestProblem.PARAMETER_INVALID, name + ": must be between 1 and " + max);
        }
        return value;
    }
}
