package se.kurir.adapter.pipeline;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.Submission;

/** Entry point for every ingress adapter (REST now; SHS, SDK, JMS and SFTP later): one pipeline, no back door. */
@Component
public class PipelineIngress {

    private final ProducerTemplate producer;

    PipelineIngress(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** Runs the submission through the pipeline; domain refusals surface as their own exception types. */
    public IntakeResult submit(Submission submission) {
        try {
            return producer.requestBody(IngressRoutes.INGRESS, submission, IntakeResult.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
