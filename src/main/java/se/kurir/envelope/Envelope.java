package se.kurir.envelope;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Routing and legal metadata of one message, as the sender stated it. The sender itself is never part of the
 * envelope: it is the authenticated participant.
 */
public record Envelope(
        String messageId,
        String conversationId,
        String inReplyTo,
        String correlationId,
        String recipient,
        String product,
        MessageStatus status,
        String subject,
        Map<String, String> metadata,
        LegalBasis legalBasis,
        PayloadDigest payload) {

    /**
     * Metadata keys under this prefix (any case) are written by the gateway itself (the privacy step's record, say);
     * a sender may not set them, or it could mislead the recipient about what was done to the payload.
     */
    public static final String GATEWAY_METADATA_PREFIX = "kurir.";

    public Envelope {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        status = status == null ? MessageStatus.PRODUCTION : status;
    }

    /** Refuses an envelope, as a sender wrote it, that uses the gateway's own metadata keys. */
    Envelope checkedAsSent() {
        var reserved = metadata.keySet().stream()
                .filter(key -> key.regionMatches(true, 0, GATEWAY_METADATA_PREFIX, 0, GATEWAY_METADATA_PREFIX.length()))
                .sorted().map(key -> new EnvelopeViolation(EnvelopeViolation.FIELD_INVALID, "metadata." + key,
                        "keys starting " + GATEWAY_METADATA_PREFIX + " are reserved for the gateway"))
                .toList();
        if (!reserved.isEmpty()) {
            throw new InvalidEnvelopeException(reserved);
        }
        return this;
    }

    /** The participant (organisation number) that owns the recipient mailbox. */
    public String recipientParticipant() {
        return recipient.substring(0, recipient.indexOf('.'));
    }

    /** A copy with the gateway-assigned ids filled in where the sender left them out. */
    public Envelope withAssignedIds() {
        return withAssignedIds(UUID.randomUUID().toString());
    }

    /** As {@link #withAssignedIds()}, with the message id to use when the sender gave none. */
    public Envelope withAssignedIds(String idIfAbsent) {
        String id = messageId != null ? messageId.toLowerCase() : idIfAbsent;
        String conversation = conversationId != null ? conversationId.toLowerCase() : id;
        return new Envelope(id, conversation, inReplyTo, correlationId, recipient, product, status, subject,
                metadata, legalBasis, payload);
    }

    /** A copy with one more metadata entry, unless the sender already gave that key. */
    public Envelope withMetadataIfAbsent(String key, String value) {
        if (metadata.containsKey(key)) {
            return this;
        }
        var more = new LinkedHashMap<>(metadata);
        more.put(key, value);
        return new Envelope(messageId, conversationId, inReplyTo, correlationId, recipient, product, status, subject,
                more, legalBasis, payload);
    }

    /**
     * The envelope of a payload the gateway sealed on the sender's behalf: it now describes the sealed payload, the
     * only one the recipient will see (a digest of the plaintext would let anyone test guesses of the content).
     */
    public Envelope sealedAs(String sha256, long size) {
        return new Envelope(messageId, conversationId, inReplyTo, correlationId, recipient, product, status, subject,
                metadata, legalBasis, new PayloadDigest(sha256, size));
    }

    /**
     * The envelope of a payload a privacy step transformed: it describes the payload the recipient will get, and
     * carries the gateway's own metadata (step, plan, key version) in place of anything the sender wrote under those
     * keys.
     */
    public Envelope transformedAs(String sha256, long size, Map<String, String> gatewayMetadata) {
        var more = new LinkedHashMap<>(metadata);
        more.putAll(gatewayMetadata);
        return new Envelope(messageId, conversationId, inReplyTo, correlationId, recipient, product, status, subject,
                more, legalBasis, new PayloadDigest(sha256, size));
    }

    /** Whether the sender declared a digest (or size) that the payload actually received does not have. */
    public boolean contradicts(String sha256, long size) {
        return payload != null && !payload.describes(sha256, size);
    }

    /**
     * The envelope as the gateway records and delivers it: with the digest and size of the payload it stored, so a
     * recipient can check what it fetched without asking anyone.
     */
    public Envelope recording(String sha256, long size) {
        if (contradicts(sha256, size)) {
            return this; // rejected: the record keeps what the sender declared, the audit names both
        }
        return new Envelope(messageId, conversationId, inReplyTo, correlationId, recipient, product, status, subject,
                metadata, legalBasis, new PayloadDigest(sha256, size));
    }
}
