package se.kurir.adapter.rest;

/** A request the API cannot take, with a stable code. */
final class BadRequestException extends RuntimeException {

    private final String code;

    BadRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
