package se.kurir.adapter.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.kurir.adapter.KurirHeaders;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Classification;
import se.kurir.envelope.DisclosureMode;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.LegalBasis;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.PolicyEngine;
import se.kurir.registry.Agreement;
import se.kurir.registry.AllowedLegalBasis;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Participant;
import se.kurir.registry.Priority;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/** The pipeline's processors move data between the exchange and domain records, and nothing else. */
class PipelineProcessorsTest {

    static final Envelope ENVELOPE = new Envelope("6f1c2e4a-0b7d-4e59-9c1a-2b3c4d5e6f70", null, null, "k-42",
            "2021005521.kontroll", "inkomstuppgift", null, null, null, new LegalBasis("SFS 2009:400",
                    "10 kap. 15 a §", DisclosureMode.OWN_INITIATIVE, "felaktiga-utbetalningar",
                    Classification.SUBSTANTIAL, true, null, "P5Y", null), null);
    static final StoredPayload PAYLOAD = new StoredPayload("a".repeat(64), 42);
    static final PipelineProperties PROPERTIES = new PipelineProperties("kurir.mailbox.", true, Duration.ofMinutes(5),
            100, 1, 1, new PipelineProperties.Redelivery(10, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1)),
            Duration.ofMinutes(15));

    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void prepareQueueMessageSetsHeadersDestinationAndEnvelopeBody() throws Exception {
        MessageRecord record = new MessageRecord(ENVELOPE.messageId(), "2021005448", ENVELOPE, MessageState.ACCEPTED,
                null, "skv-fk-inkomstuppgift", PAYLOAD, "application/json", Instant.EPOCH, Instant.EPOCH);
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader("leftover", "from the caller");
        exchange.getIn().setBody(new IntakeResult(record, false));

        Registry registry = new Registry(List.of(), List.of(), List.of(new Product("inkomstuppgift", "Inkomstuppgift",
                null, Classification.SUBSTANTIAL, true, 10, null, null, Priority.CRISIS)), List.of());
        new PrepareQueueMessageProcessor(new ObjectMapper(), PROPERTIES, registry).process(exchange);

        var in = exchange.getIn();
        assertThat(in.getHeader(JmsConstants.JMS_DESTINATION_NAME)).isEqualTo("kurir.mailbox.2021005521.kontroll");
        assertThat(in.getHeader(KurirHeaders.MESSAGE_ID)).isEqualTo(ENVELOPE.messageId());
        assertThat(in.getHeader(KurirHeaders.SENDER)).isEqualTo("2021005448");
        assertThat(in.getHeader(KurirHeaders.CORRELATION_ID)).isEqualTo("k-42");
        assertThat(in.getHeader(KurirHeaders.PAYLOAD_SHA256)).isEqualTo(PAYLOAD.sha256());
        assertThat(in.getHeader("leftover")).isNull();
        assertThat(in.getHeader("JMSPriority")).as("the product's priority class").isEqualTo(9);
        assertThat(new ObjectMapper().readValue(in.getBody(String.class), Envelope.class)).isEqualTo(ENVELOPE);
    }

    @Test
    void checkPolicyLeavesTheDecisionOnTheExchange() throws Exception {
        var processor = new CheckPolicyProcessor(new PolicyEngine(registryWithAgreement(false), JUNE_2026));
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setBody(new Submission("2021005448", ENVELOPE, PAYLOAD, "application/json", "REST"));

        processor.process(exchange);

        assertThat(exchange.getProperty(KurirHeaders.DECISION)).isEqualTo(PolicyDecision.accept("a"));
        assertThat(exchange.getIn().getBody()).isInstanceOf(Submission.class);
    }

    @Test
    void aMessageAPeerNodeForwardsIsNotHeldForReviewASecondTime() throws Exception {
        var processor = new CheckPolicyProcessor(new PolicyEngine(registryWithAgreement(true), JUNE_2026));
        Exchange fromSender = new DefaultExchange(camel);
        fromSender.getIn().setBody(new Submission("2021005448", ENVELOPE, PAYLOAD, "application/json", "REST"));
        Exchange fromPeer = new DefaultExchange(camel);
        fromPeer.getIn().setBody(new Submission("2021005448", ENVELOPE, PAYLOAD, "application/json", "PEER",
                "node-a"));

        processor.process(fromSender);
        processor.process(fromPeer);

        assertThat(fromSender.getProperty(KurirHeaders.DECISION)).isEqualTo(PolicyDecision.review("a"));
        assertThat(fromPeer.getProperty(KurirHeaders.DECISION)).isEqualTo(PolicyDecision.accept("a"));
    }

    private static Registry registryWithAgreement(boolean reviewRequired) {
        String fk = "2021005521";
        return new Registry(List.of(new Participant("2021005448", "Skatteverket", null),
                new Participant(fk, "Försäkringskassan", null)), List.of(new Mailbox(fk + ".kontroll", fk, null, null)),
                List.of(new Product("inkomstuppgift", "Inkomstuppgift", null, Classification.SUBSTANTIAL, true, 10)),
                List.of(new Agreement("a", "inkomstuppgift", "2021005448", List.of(new Agreement.Consumer(fk, List.of())),
                        List.of(new AllowedLegalBasis("SFS 2009:400", "10 kap. 15 a §",
                                List.of(DisclosureMode.OWN_INITIATIVE), List.of("felaktiga-utbetalningar"))),
                        Classification.SUBSTANTIAL, LocalDate.of(2025, 1, 1), null, reviewRequired)));
    }

    @Test
    void deliverToMailboxRefusesAQueueMessageWithoutItsId() {
        Exchange exchange = new DefaultExchange(camel);
        assertThatThrownBy(() -> new DeliverToMailboxProcessor(null).process(exchange))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(KurirHeaders.MESSAGE_ID);
    }
}
