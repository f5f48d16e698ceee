package se.kurir.adapter.jms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param acceptor where agency systems connect to the broker (an Artemis acceptor URL); empty for nowhere
 * @param maxMessageSize the largest payload a broker submission may carry; larger data go by REST, streamed
 * @param journalFileSize the size of each file of the embedded broker's journal
 * @param callTimeout how long the node's own broker client waits for the broker to confirm a send or a commit; a
 *        broker that has failed (its journal's disk gone) then costs a request this long at most, never a hang
 * @param ingressConsumers how many submissions of one participant's ingress queue are taken through the pipeline at
 *        once: one at a time, each waits for its payload's sync and its commits in turn (events published to feeds
 *        stay one at a time, in the order their producer sent them)
 */
@Validated
@ConfigurationProperties("kurir.broker")
public record BrokerProperties(String acceptor, @NotNull DataSize maxMessageSize,
        @NotNull @DefaultValue("10MB") DataSize journalFileSize, @NotNull @DefaultValue("5s") Duration callTimeout,
        @DefaultValue("4") @Min(1) @Max(64) int ingressConsumers) {

    public BrokerProperties {
        acceptor = acceptor == null ? "" : acceptor.strip();
    }
}
