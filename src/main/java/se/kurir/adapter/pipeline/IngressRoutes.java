package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.KurirRouteConfigurations;

/**
 * authenticate (done by the caller) -> hold the payload until the exchange completes -> dedupe -> verify the declared
 * payload digest -> policy -> privacy step (as the agreement demands for the recipient) -> protect the payload (check
 * the sender's seal, or seal it here, as the agreement demands) -> audit and admit -> queue for the mailbox.
 * The answer to the caller is the {@link se.kurir.delivery.IntakeResult} left in the body.
 */
@Component
final class IngressRoutes extends RouteBuilder {

    static final String INGRESS = "direct:pipeline-ingress";
    static final String ENQUEUE = "direct:pipeline-enqueue";

    private final IdempotentRepository submittedMessages;
    private final HoldPayloadProcessor holdPayload;
    private final VerifyPayloadProcessor verifyPayload;
    private final CheckPolicyProcessor checkPolicy;
    private final ApplyPrivacyProcessor applyPrivacy;
    private final ProtectPayloadProcessor protectPayload;
    private final AdmitMessageProcessor admitMessage;
    private final ReplayEarlierAnswerProcessor replayEarlierAnswer;
    private final PrepareQueueMessageProcessor prepareQueueMessage;

    IngressRoutes(IdempotentRepository submittedMessages, HoldPayloadProcessor holdPayload,
            VerifyPayloadProcessor verifyPayload,
            CheckPolicyProcessor checkPolicy, ApplyPrivacyProcessor applyPrivacy,
            ProtectPayloadProcessor protectPayload,
            AdmitMessageProcessor admitMessage, ReplayEarlierAnswerProcessor replayEarlierAnswer,
            PrepareQueueMessageProcessor prepareQueueMessage) {
        this.submittedMessages = submittedMessages;
        this.holdPayload = holdPayload;
        this.verifyPayload = verifyPayload;
        this.checkPolicy = checkPolicy;
        this.applyPrivacy = applyPrivacy;
        this.protectPayload = protectPayload;
        this.admitMessage = admitMessage;
        this.replayEarlierAnswer = replayEarlierAnswer;
        this.prepareQueueMessage = prepareQueueMessage;
    }

    @Override
    public void configure() {
        from(INGRESS).routeId("pipeline-ingress").routeConfigurationId(KurirRouteConfigurations.DEFAULT)
                .process(holdPayload).id("pipeline-ingress-hold-payload")
                .idempotentConsumer(simple("${body.sender}/${body.messageId}"), submittedMessages)
                    .skipDuplicate(false).removeOnFailure(true).id("pipeline-ingress-dedupe")
                .choice()
                    .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                        .process(replayEarlierAnswer).id("pipeline-ingress-replay")
                    .otherwise()
                        .process(verifyPayload).id("pipeline-ingress-verify-payload")
                        .filter(exchangeProperty(KurirHeaders.DECISION).isNull())
                            .process(checkPolicy).id("pipeline-ingress-policy")
                        .end()
                        .process(applyPrivacy).id("pipeline-ingress-privacy")
                        .process(protectPayload).id("pipeline-ingress-protect")
                        .process(admitMessage).id("pipeline-ingress-admit")
                        .filter(simple("${body.queued}"))
                            .enrich(ENQUEUE, new DeferFailedHandOver(), true).id("pipeline-ingress-enqueue")
                        .end()
                .end();

        from(ENQUEUE).routeId("pipeline-enqueue").routeConfigurationId(KurirRouteConfigurations.HAND_OVER)
                .process(prepareQueueMessage).id("pipeline-enqueue-prepare")
                // InOnly: a durable one-way hand-off; the caller must never wait for the mailbox consumer.
                .to(ExchangePattern.InOnly, "jms:queue:{{kurir.pipeline.queue-prefix}}unrouted?preserveMessageQos=true")
                    .id("pipeline-enqueue-send");
    }
}
