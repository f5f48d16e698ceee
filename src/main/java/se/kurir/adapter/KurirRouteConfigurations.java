package se.kurir.adapter;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.sql.SQLTransientException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;
import se.kurir.audit.AuditLogCode;
import se.kurir.audit.AuditUnavailableException;
import se.kurir.delivery.DeliveryException;
import se.kurir.delivery.RequestRefusedException;
import se.kurir.envelope.InvalidEnvelopeException;
import se.kurir.payload.PayloadTooLargeException;

/**
 * Error handling, declared once. Every route names one of these:
 * <ul>
 * <li>{@code kurir-default} for synchronous routes behind an API call: domain refusals go straight back to the
 * caller, transient infrastructure failures are retried a few times with back-off, anything else is logged with a
 * code and returned to the caller, who is told and can retry idempotently. Nothing is swallowed.</li>
 * <li>{@code kurir-hand-over} for the hand-over of an admitted message to its mailbox queue: no redelivery, since
 * the message is recorded and {@code pipeline-requeue-stale} repeats a hand-over that failed, and a broker that does
 * not confirm (it has failed) would otherwise hold the caller for every attempt.</li>
 * <li>{@code kurir-transacted} for broker consumers: no Camel redelivery; the JMS transaction rolls back and the
 * broker's address settings redeliver with back-off and finally dead-letter the original message.</li>
 * </ul>
 * A transport with error handling of its own declares it beside its routes ({@code kurir-file-pickup} in
 * {@code adapter.sftp}).
 */
@Component
public class KurirRouteConfigurations extends RouteConfigurationBuilder {

    public static final String DEFAULT = "kurir-default";
    public static final String TRANSACTED = "kurir-transacted";
    public static final String HAND_OVER = "kurir-hand-over";

    @Override
    public void configuration() {
        routeConfiguration(DEFAULT)
                .onException(InvalidEnvelopeException.class, DeliveryException.class, PayloadTooLargeException.class,
                        RequestRefusedException.class)
                    .handled(false)
                    .logExhausted(false) // answered to the caller and audited; not an error of the gateway
                    .end()
                .onException(AuditUnavailableException.class)
                    .handled(false)
                    .log(LoggingLevel.ERROR, AuditLogCode.UNAVAILABLE_IN_ROUTE + " audit unavailable in ${routeId}; "
                            + "request refused")
                    .end()
                .onException(JMSException.class, IOException.class, SQLTransientException.class)
                    .maximumRedeliveries(3).redeliveryDelay(50).backOffMultiplier(4).useExponentialBackOff()
                    .handled(false)
                    .log(LoggingLevel.ERROR, RouteLogCode.TRANSIENT_FAILURE + " transient failure in ${routeId} "
                            + "after retries: ${exception.message}")
                    .end()
                .onException(Exception.class)
                    .handled(false)
                    .log(LoggingLevel.ERROR, RouteLogCode.UNEXPECTED_FAILURE + " unexpected failure in ${routeId}: "
                            + "${exception}");

        routeConfiguration(HAND_OVER)
                .onException(Exception.class)
                    .handled(false)
                    .logExhausted(false); // the caller logs it with the message it concerns

        routeConfiguration(TRANSACTED)
                .errorHandler(noErrorHandler());
    }
}
