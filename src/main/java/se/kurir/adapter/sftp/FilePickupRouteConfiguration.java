package se.kurir.adapter.sftp;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code kurir-file-pickup}, the error handling of SFTP/FTPS outbox polls: no redelivery inside a poll, since a
 * half-read stream cannot be read again. The file stays where it is and the next poll takes it from its first byte.
 */
@Component
class FilePickupRouteConfiguration extends RouteConfigurationBuilder {

    static final String FILE_PICKUP = "kurir-file-pickup";

    @Override
    public void configuration() {
        routeConfiguration(FILE_PICKUP)
                .onException(Exception.class)
                    .handled(false)
                    .logExhausted(false)
                    .log(LoggingLevel.WARN, FileLogCode.FILE_NOT_TAKEN + " ${routeId}: ${header.CamelFileName} not "
                            + "taken, left in place for the next poll: ${exception.message}")
                    .end();
    }
}
