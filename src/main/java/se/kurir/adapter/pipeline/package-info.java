/**
 * The message pipeline on Camel: ingress (dedupe, policy, admission), hand-over to the durable Artemis queue behind
 * each mailbox, one consumer route per mailbox that hands the message to its channel kind's route and records the
 * delivery, and one route per installed channel kind. Route ids are API: {@code pipeline-ingress},
 * {@code pipeline-enqueue}, {@code delivery-mailbox-<mailbox>} (its steps {@code delivery-mailbox-<mailbox>-<kind>},
 * then {@code -deliver}), {@code delivery-<kind>} (its step {@code delivery-<kind>-carry}),
 * {@code delivery-dead-letter-record} and, from {@code routes/pipeline/}, {@code pipeline-requeue-stale}.
 * <p>
 * Its public classes are the entry points every transport uses, and the only classes one adapter package may use of
 * another (ArchitectureTest): {@link se.kurir.adapter.pipeline.PipelineIngress} to submit and to ask,
 * {@link se.kurir.adapter.pipeline.MailboxChannel} to plug in a way out of a mailbox.
 */
package se.kurir.adapter.pipeline;
