/**
 * Agency systems on the broker (JMS or AMQP 1.0): submissions from {@code kurir.in.<orgnr>} into the same pipeline as
 * REST, and broker-outbox mailboxes delivered to {@code kurir.out.<mailbox>}. Access rules: se.kurir.security.BrokerAccess.
 */
package se.kurir.adapter.broker;
