/**
 * Agency systems on the broker (JMS or AMQP 1.0): submissions from {@code kurir.in.<orgnr>} and events from
 * {@code kurir.publish.<orgnr>} into the same pipeline as REST, broker-outbox mailboxes delivered to
 * {@code kurir.out.<mailbox>} (a {@code MailboxChannel}), JMS subscriptions delivered to their queues (an
 * {@code EventSink}), and the embedded broker's own settings. Addresses and access rules: se.kurir.security.BrokerAccess.
 */
package se.kurir.adapter.jms;
