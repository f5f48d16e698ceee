/**
 * Push delivery: the gateway POSTs each message of a push mailbox to the participant's endpoint. Retries, back-off
 * with jitter and dead-lettering are the broker's (the mailbox queue's address settings); this package only makes
 * one attempt and says whether it worked.
 */
package se.kurir.adapter.push;
