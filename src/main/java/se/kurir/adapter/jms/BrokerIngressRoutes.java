package se.kurir.adapter.jms;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirRouteConfigurations;
import se.kurir.delivery.DeliveryException;
import se.kurir.envelope.InvalidEnvelopeException;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.registry.Participant;
import se.kurir.registry.Registry;
import se.kurir.security.BrokerAccess;
import se.kurir.subscription.SubscriptionException;

/**
 * One route per participant: its ingress queue -> read envelope and stream the payload -> the pipeline, exactly as a
 * REST post (policy, audit, idempotency). A submission that cannot become a message is answered on its refused queue.
 * Transacted: a crash before the pipeline has accepted the message leaves it on the queue. A second route per
 * participant publishes events to product feeds from {@code kurir.publish.<orgnr>}, refused the same way.
 */
@Component
final class BrokerIngressRoutes extends RouteBuilder {

    /** The pipeline's entry, named by its endpoint so this adapter needs none of the pipeline's classes. */
    private static final String PIPELINE = "direct:pipeline-ingress";

    private final Registry registry;
    private final BrokerProperties properties;
    private final ReadBrokerSubmissionProcessor readSubmission;
    private final RefuseSubmissionProcessor refuseSubmission;
    private final PublishEventProcessor publishEvent;

    BrokerIngressRoutes(Registry registry, BrokerProperties properties, ReadBrokerSubmissionProcessor readSubmission,
            RefuseSubmissionProcessor refuseSubmission, PublishEventProcessor publishEvent) {
        this.registry = registry;
        this.properties = properties;
        this.readSubmission = readSubmission;
        this.refuseSubmission = refuseSubmission;
        this.publishEvent = publishEvent;
    }

    @Override
    public void configure() {
        for (Participant participant : registry.participants()) {
            String org = participant.orgNumber();
            String id = "ingress-broker-" + org;
            fromParticipant(BrokerAccess.INGRESS_PREFIX + org, id, org, properties.ingressConsumers())
                    .doTry()
                        .process(readSubmission).id(id + "-read")
                        .to(PIPELINE).id(id + "-pipeline")
                    .doCatch(BrokerSubmissionException.class, InvalidEnvelopeException.class,
                            PayloadTooLargeException.class, PayloadMediaType.InvalidMediaTypeException.class,
                            DeliveryException.class)
                        .process(refuseSubmission).id(id + "-refuse")
                        .to("jms:queue:" + BrokerAccess.refusedQueue(org)).id(id + "-refused")
                    .end();
            String publish = "publish-broker-" + org;
            fromParticipant(BrokerAccess.PUBLISH_PREFIX + org, publish, org, 1)
                    .doTry()
                        .process(publishEvent).id(publish + "-publish")
                    .doCatch(BrokerSubmissionException.class, InvalidEnvelopeException.class,
                            SubscriptionException.class)
                        .process(refuseSubmission).id(publish + "-refuse")
                        .to("jms:queue:" + BrokerAccess.refusedQueue(org)).id(publish + "-refused")
                    .end();
        }
    }

    /**
     * A transacted consumer of one participant's own queue, which only that participant may send to: so the queue
     * names the sender. mapJmsMessage=false: bodies are streamed from the JMS message, never copied whole.
     */
    private RouteDefinition fromParticipant(String queue, String routeId, String participant, int consumers) {
        return from("jms:queue:" + queue + "?transacted=true&cacheLevelName=CACHE_CONSUMER&mapJmsMessage=false"
                + "&disableReplyTo=true&concurrentConsumers=" + consumers)
                .routeId(routeId).routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                .setHeader(ReadBrokerSubmissionProcessor.SENDER, constant(participant));
    }
}
