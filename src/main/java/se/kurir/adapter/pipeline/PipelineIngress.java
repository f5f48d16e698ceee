package se.kurir.adapter.pipeline;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.QueryReply;
import se.kurir.delivery.QueryRequest;
import se.kurir.delivery.Submission;

/** Entry point for every ingress adapter (REST now; SHS, SDK, JMS and SFTP later): one pipeline, no back door. */
@Component
public class PipelineIngress {

    /** Where request/reply starts; the route behind it belongs to {@code adapter.http}. */
    public static final String REQUEST_REPLY = "direct:request-reply";

    private final ProducerTemplate producer;

    PipelineIngress(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Runs the submission through the pipeline; domain refusals surface as their own exception types. */
    public IntakeResult submit(Submission submission) {
        return call(IngressRoutes.INGRESS, submission, IntakeResult.class);
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
