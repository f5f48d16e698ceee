package se.kurir.delivery;

import se.kurir.envelope.Envelope;

/**
 * A synchronous request (need C, real-time access) to the owner of the envelope's recipient mailbox.
 *
 * @param requestId the gateway's id of this request, used in audit records and sent to the answerer
 * @param requester the participant asking
 * @param query the question as JSON; small, bounded by the adapter
 */
public record QueryRequest(String requestId, String requester, Envelope envelope, byte[] query) {
}
