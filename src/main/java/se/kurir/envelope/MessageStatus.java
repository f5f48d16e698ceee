package se.kurir.envelope;

/** Production or test traffic, as SHS's label status. */
public enum MessageStatus {
    PRODUCTION, TEST
}
