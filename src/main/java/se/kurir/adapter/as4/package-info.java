/**
 * The eDelivery AS4 bridge: this node as an access point. Partners push ebMS3 user messages to {@code /as4}
 * (authenticated by their WS-Security signature, under P-Modes from configuration) and each enters the one pipeline;
 * mailboxes of delivery kind {@code as4} get their messages as signed and encrypted user messages, delivered on the
 * partner's signed receipt. phase4 does the AS4 protocol work; duplicate elimination is Kurir's intake.
 */
package se.kurir.adapter.as4;
