package se.kurir.adapter.sftp;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Mailbox;

/**
 * The file inboxes of mailboxes whose registry entry is {@code {kind: file-inbox, server: <name>}}, and how a file is
 * left there: under a temporary name, renamed when complete, then its manifest, the receiver's done file. A receiver
 * that takes only files with a manifest never sees one half-written.
 */
@Component
final class FileInboxes {

    private final FileTransferProperties properties;
    private final ProducerTemplate producer;

    FileInboxes(FileTransferProperties properties, ProducerTemplate producer) {
        this.properties = properties;
        this.producer = producer;
    }

    /** The directory the mailbox is delivered to; a name that is not in kurir.files.servers is a start-up error. */
    FileServer serverOf(Mailbox mailbox) {
        if (!(mailbox.delivery() instanceof DeliveryChannel.FileInbox inbox)) {
            throw new IllegalStateException("Mailbox " + mailbox.address() + " has no file inbox");
        }
        return properties.server(inbox.server()).orElseThrow(() -> new IllegalStateException("Mailbox "
                + mailbox.address() + ": delivery.server " + inbox.server() + " is not one of kurir.files.servers "
                + "(configured: " + String.join(", ", properties.servers().keySet()) + ")"));
    }

    /** @param body an InputStream (streamed) or bytes */
    void write(FileServer server, Object body, String fileName, byte[] manifest) throws Exception {
        send(server.endpoint(producer.getCamelContext(), "&tempFileName=${file:name}.part"), body, fileName);
        send(server.endpoint(producer.getCamelContext(), ""), manifest, fileName + ".manifest.json");
    }

    private void send(Endpoint endpoint, Object body, String fileName) throws Exception {
        Exchange result = producer.send(endpoint, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeader(Exchange.FILE_NAME, fileName);
        });
        if (result.getException() != null) {
            throw result.getException();
        }
    }
}
