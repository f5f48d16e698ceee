package se.kurir.adapter.shs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MailboxCursor;
import se.kurir.delivery.MailboxFilter;
import se.kurir.delivery.MailboxPage;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.envelope.Envelope;

/**
 * The {@code shs.message-list} of a mailbox: one {@code message} per waiting message, with the label's identifiers
 * as attributes and its addresses, product and subject as elements. The filters SHS defines are applied over the
 * mailbox in arrival order, reading at most {@link #SCAN_LIMIT} messages per list.
 */
@Component
class ShsMessageList {

    static final int MAX_HITS = 1000;
    static final int SCAN_LIMIT = 10_000;
    private static final int PAGE = 500;

    private final XMLOutputFactory factory = XMLOutputFactory.newFactory();
    private final ShsLabelWriter labels;

    ShsMessageList(ShsLabelWriter labels) {
        this.labels = labels;
    }

    byte[] write(MailboxAccess mailboxes, String caller, String mailbox, ShsListFilter filter) {
        List<MessageRecord> found = matching(mailboxes, caller, mailbox, filter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, StandardCharsets.ISO_8859_1.name());
            xml.writeStartDocument(StandardCharsets.ISO_8859_1.name(), "1.0");
            xml.writeStartElement("shs.message-list");
            for (MessageRecord message : found) {
                writeMessage(xml, message);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the SHS message list of " + mailbox, e);
        }
        return out.toByteArray();
    }

    private static List<MessageRecord> matching(MailboxAccess mailboxes, String caller, String mailbox,
            ShsListFilter filter) {
        List<MessageRecord> found = new ArrayList<>();
        MailboxCursor after = null;
        for (int scanned = 0; scanned < SCAN_LIMIT;) {
            MailboxPage page = mailboxes.list(caller, mailbox, new MailboxFilter(null, filter.product(),
                    filter.since(), after, PAGE));
            page.messages().stream().filter(m -> matches(m, filter)).forEach(found::add);
            if (page.messages().size() < PAGE) {
                break;
            }
            scanned += page.messages().size();
            after = page.next();
        }
        Comparator<MessageRecord> byArrival = Comparator.comparing(MessageRecord::receivedAt);
        found.sort(filter.descending() ? byArrival.reversed() : byArrival);
        return found.subList(0, Math.min(found.size(), filter.maxHits()));
    }

    private static boolean matches(MessageRecord message, ShsListFilter filter) {
        Envelope envelope = message.envelope();
        Map<String, String> metadata = envelope.metadata();
        return (!filter.unacknowledged() || message.state() != MessageState.ACKNOWLEDGED)
                && (filter.status() == null || filter.status().equals(ShsLabelWriter.status(envelope)))
                && (filter.corrId() == null || filter.corrId().equals(ShsLabelWriter.corrId(envelope)))
                && (filter.contentId() == null || filter.contentId().equals(metadata.get(ShsEnvelopes.CONTENT_ID)))
                && (filter.originator() == null || filter.originator().orgNumber().equals(originator(message)))
                && (filter.endRecipient() == null || filter.endRecipient().toString()
                        .equals(metadata.get(ShsEnvelopes.END_RECIPIENT)));
    }

    private static String originator(MessageRecord message) {
        String written = message.envelope().metadata().get(ShsEnvelopes.ORIGINATOR);
        return written == null ? message.sender() : ShsAddress.parse(written).orgNumber();
    }

    private void writeMessage(XMLStreamWriter xml, MessageRecord message) throws XMLStreamException {
        Envelope envelope = message.envelope();
        Map<String, String> metadata = envelope.metadata();
        xml.writeStartElement("message");
        xml.writeAttribute("tx.id", message.messageId());
        xml.writeAttribute("corr.id", ShsLabelWriter.corrId(envelope));
        xml.writeAttribute("content.id", metadata.getOrDefault(ShsEnvelopes.CONTENT_ID, message.messageId()));
        xml.writeAttribute("timestamp", ShsLabelWriter.timestamp(message.receivedAt()));
        xml.writeAttribute("size", Long.toString(message.payload().size()));
        xml.writeAttribute("transfer-type", "asynch");
        xml.writeAttribute("sequence-type", metadata.getOrDefault(ShsEnvelopes.SEQUENCE_TYPE, "event"));
        xml.writeAttribute("status", ShsLabelWriter.status(envelope));
        xml.writeAttribute("acknowledged", message.state() == MessageState.ACKNOWLEDGED ? "yes" : "no");
        ShsLabelWriter.element(xml, "originator", ShsAddress.PREFIX + originator(message));
        ShsLabelWriter.element(xml, "from", metadata.getOrDefault(ShsEnvelopes.FROM, ShsAddress.PREFIX + message.sender()));
        ShsLabelWriter.element(xml, "to", ShsAddress.ofMailbox(envelope.recipient()).toString());
        if (metadata.containsKey(ShsEnvelopes.END_RECIPIENT)) {
            ShsLabelWriter.element(xml, "end-recipient", metadata.get(ShsEnvelopes.END_RECIPIENT));
        }
        ShsLabelWriter.element(xml, "product", ShsAddress.PREFIX + labels.shsProduct(envelope.product()));
        if (envelope.subject() != null) {
            ShsLabelWriter.element(xml, "subject", envelope.subject());
        }
        xml.writeEndElement();
    }
}
