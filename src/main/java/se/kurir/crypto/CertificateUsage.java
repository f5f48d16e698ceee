package se.kurir.crypto;

/** What a participant's certificate is registered for. One key, one use: signing and encryption keys are separate. */
public enum CertificateUsage { SIGNING, ENCRYPTION }
