package se.kurir.crypto;

/** Bytes that claim to be a sealed payload but are not one (or not one this gateway understands). */
public class MalformedSealException extends RuntimeException {

    public MalformedSealException(String message) {
        super(message);
    }
}
