package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.Submission;

/** A message id this sender already used: answer as the first time, queue nothing. */
@Component
final class ReplayEarlierAnswerProcessor implements Processor {

    private final MessageIntake intake;

    ReplayEarlierAnswerProcessor(MessageIntake intake) {
        this.intake = intake;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Submission submission = exchange.getIn().getMandatoryBody(Submission.class);
        exchange.getIn().setBody(intake.replay(submission.sender(), submission.messageId()));
    }
}
