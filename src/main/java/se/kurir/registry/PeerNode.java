package se.kurir.registry;

import java.util.List;

/**
 * Another Kurir node in the federation directory: the participants it serves get their messages through it.
 *
 * @param id short and stable; named in audit records on both sides and in the peer's queue and route
 * @param url where its federation listener is, {@code https://host:port}
 * @param tlsFingerprint SHA-256 (hex) of its TLS client certificate: the only certificate that speaks for it
 * @param participants the organisation numbers it serves
 */
public record PeerNode(String id, String url, String tlsFingerprint, List<String> participants) {

    /** The delivery kind of every mailbox of a participant a peer node serves: {@code {kind: peer, node: <id>}}. */
    public static final String DELIVERY_KIND = "peer";

    public PeerNode {
        participants = List.copyOf(participants);
        tlsFingerprint = tlsFingerprint.toLowerCase();
    }

    public boolean serves(String participant) {
        return participants.contains(participant);
    }
}
