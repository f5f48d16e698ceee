/**
 * Federation: this node and the other Kurir nodes of the directory ({@link se.kurir.registry.PeerNode}) pass messages
 * to each other over mutual TLS. A message for a participant another node serves is admitted here in full (policy,
 * privacy step, sealing, any sekretessprövning), then carried by the delivery channel of kind {@code peer} to that
 * node's durable queue on this node's broker, and from there forwarded, envelope and sealed payload streamed, in
 * priority order; a peer that is down gets it all when it is back. The receiving node judges it against its own
 * agreements, checks the seal, and receipts flow back. Routes: {@code federation-peer-<node>},
 * {@code federation-release-<node>}, {@code federation-crisis-mode} and {@code federation-receipts}. See
 * docs/FEDERATION.md.
 */
package se.kurir.adapter.peer;
