package se.kurir.adapter.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.QueryReply;
import se.kurir.delivery.QueryRequest;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;

/** Entry point for every ingress adapter (REST, SHS, JMS, SFTP; SDK later): one pipeline, no back door. */
@Component
public class PipelineIngress {

    /** Where request/reply starts; the route behind it belongs to {@code adapter.http}. */
    public static final String REQUEST_REPLY = "direct:request-reply";

    private final ProducerTemplate producer;
    private final PayloadStore payloads;

    PipelineIngress(ProducerTemplate producer, PayloadStore payloads) {
        this.producer = producer;
        this.payloads = payloads;
    }

    /** Runs the submission through the pipeline; domain refusals surface as their own exception types. */
    public IntakeResult submit(Submission submission) {
        return call(IngressRoutes.INGRESS, submission, IntakeResult.class);
    }

    /**
     * One message per envelope (one per recipient), all naming the payload stored once, each policy-checked, audited
     * and receipted on its own, in the order given. Each submission releases one hold on the payload when it
     * completes, so each gets its own, taken before the first can release: a small payload stays in memory until one
     * of them has made it durable. Holds of submissions not reached (one failed) are given back.
     */
    public List<IntakeResult> submitToEach(String sender, List<Envelope> addressed, StoredPayload payload,
            String mediaType, String channel) {
        for (int i = 1; i < addressed.size(); i++) {
            payloads.hold(payload);
        }
        List<IntakeResult> results = new ArrayList<>();
        try {
            for (Envelope envelope : addressed) {
                results.add(submit(new Submission(sender, envelope, payload, mediaType, channel)));
            }
        } finally {
            for (int i = results.size() + 1; i < addressed.size(); i++) {
                payloads.release(payload);
            }
        }
        return results;
    }

    /** Asks another participant while the caller waits (request/reply); refusals surface as RequestRefusedException. */
    public QueryReply ask(QueryRequest request) {
        return call(REQUEST_REPLY, request, QueryReply.class);
    }

    private <T> T call(String endpoint, Object body, Class<T> answer) {
        try {
            return producer.requestBody(endpoint, body, answer);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
