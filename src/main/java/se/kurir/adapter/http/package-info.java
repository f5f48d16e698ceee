/**
 * The gateway's outbound HTTP, on one client ({@link se.kurir.adapter.http.OutboundHttp}): push delivery of a push
 * mailbox's messages (a {@code MailboxChannel}; retries, back-off and dead-lettering are the broker's, this package
 * makes one attempt and says whether it worked), push delivery of subscriptions (an {@code EventSink}), and
 * request/reply toward the answering participant's query endpoint (route {@code request-reply}).
 */
package se.kurir.adapter.http;
