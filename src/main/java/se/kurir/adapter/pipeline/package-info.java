/**
 * The message pipeline on Camel: ingress (dedupe, policy, admission), hand-over to the durable Artemis queue behind
 * each mailbox, and one consumer route per mailbox that delivers into it. Route ids are API:
 * {@code pipeline-ingress}, {@code pipeline-enqueue}, {@code delivery-mailbox-<mailbox>} and, from
 * {@code routes/pipeline/}, {@code pipeline-requeue-stale}.
 */
package se.kurir.adapter.pipeline;
