package se.kurir.delivery;

import se.kurir.envelope.LegalBasis;

/**
 * The answerer's reply: the data as JSON and the legal basis the answerer discloses it under.
 *
 * @param sha256 hex digest of the reply bytes, for the audit record
 */
public record QueryReply(LegalBasis legalBasis, byte[] reply, String sha256) {
}
