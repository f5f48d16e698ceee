package se.kurir.adapter.broker;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param acceptor where agency systems connect to the broker (an Artemis acceptor URL); empty for nowhere
 * @param maxMessageSize the largest payload a broker submission may carry; larger data go by REST, streamed
 * @param journalFileSize the size of each file of the embedded broker's journal
 */
@Validated
@ConfigurationProperties("kurir.broker")
public record BrokerProperties(String acceptor, @NotNull DataSize maxMessageSize,
        @NotNull @DefaultValue("10MB") DataSize journalFileSize) {

    public BrokerProperties {
        acceptor = acceptor == null ? "" : acceptor.strip();
    }
}
