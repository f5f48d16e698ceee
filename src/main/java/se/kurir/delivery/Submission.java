package se.kurir.delivery;

import java.util.Map;
import se.kurir.envelope.Envelope;
import se.kurir.payload.StoredPayload;

/**
 * A message as it enters the pipeline: the authenticated sender, the envelope with its ids assigned, and the payload
 * already in the store.
 *
 * @param channel the ingress it came through (REST, SHS, SDK, JMS, SFTP, PEER), for the audit trail
 * @param peerNode the federation node that forwarded it, having admitted it from the sender (policy, privacy step,
 *     sealing and any sekretessprövning done there); null when the sender handed it to this node
 */
public record Submission(String sender, Envelope envelope, StoredPayload payload, String mediaType, String channel,
        String peerNode) {

    public Submission(String sender, Envelope envelope, StoredPayload payload, String mediaType, String channel) {
        this(sender, envelope, payload, mediaType, channel, null);
    }

    public boolean forwarded() {
        return peerNode != null;
    }

    public String messageId() {
        return envelope.messageId();
    }

    /** The same submission carrying the payload the gateway sealed in place of the plaintext. */
    public Submission sealedAs(StoredPayload sealed, String sealedMediaType) {
        return new Submission(sender, envelope.sealedAs(sealed.sha256(), sealed.size()), sealed, sealedMediaType,
                channel, peerNode);
    }

    /** The same submission carrying the payload a privacy step made, with the step's record in the envelope. */
    public Submission transformedAs(StoredPayload transformed, Map<String, String> gatewayMetadata) {
        return new Submission(sender, envelope.transformedAs(transformed.sha256(), transformed.size(),
                gatewayMetadata), transformed, mediaType, channel, peerNode);
    }
}
