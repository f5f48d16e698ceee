package se.kurir.adapter.shs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * The {@code shs.message-list} of an outbox (one mailbox, or all of an organisation's): one {@code message} per
 * waiting message and per confirm or error message owed to the outbox's owner, with the label's identifiers as
 * attributes and its addresses, product and subject as elements. The filters SHS defines are applied over each
 * mailbox in arrival order, reading at most {@link #SCAN_LIMIT} messages per mailbox.
 */
@Component
class ShsMessageList {

    static final int MAX_HITS = 1000;
    static final int SCAN_LIMIT = 10_000;
    private static final int PAGE = 500;

    private final ShsLabelWriter labels;
    private final ShsAdmMessages admMessages;

    ShsMessageList(ShsLabelWriter labels, ShsAdmMessages admMessages) {
        this.labels = labels;
        this.admMessages = admMessages;
    }

    /** An entry of the list, written in timestamp order whichever kind it is. */
    private record Entry(Instant timestamp, ShsXml.Body body) {
    }

    byte[] write(MailboxAccess mailboxes, String caller, ShsAddress outbox, List<String> outboxMailboxes,
            ShsListFilter filter) {
        List<Entry> found = new ArrayList<>();
        if (filter.admKind() == null) {
            for (String mailbox : outboxMailboxes) {
                matching(mailboxes, caller, mailbox, filter).forEach(m -> found.add(entry(m)));
            }
        }
        if (filter.product() == null && filter.endRecipient() == null) {
            admMessages.in(mailboxes, caller, outbox).stream().filter(m -> matches(m, filter))
                    .forEach(m -> found.add(entry(m)));
        }
        Comparator<Entry> byTime = Comparator.comparing(Entry::timestamp);
        found.sort(filter.descending() ? byTime.reversed() : byTime);
        List<Entry> listed = found.subList(0, Math.min(found.size(), filter.maxHits()));
        return ShsXml.document("shs.message-list", null, "the SHS message list of " + outbox, xml -> {
            for (Entry entry : listed) {
                entry.body().write(xml);
            }
        });
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
        return found;
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

    private static boolean matches(ShsAdmMessage adm, ShsListFilter filter) {
        Envelope answered = adm.answered().envelope();
        return (filter.admKind() == null || filter.admKind() == adm.kind())
                && (!filter.unacknowledged() || !adm.acknowledged())
                && (filter.since() == null || !adm.issuedAt().isBefore(filter.since()))
                && (filter.status() == null || filter.status().equals(ShsLabelWriter.status(answered)))
                && (filter.corrId() == null || filter.corrId().equals(ShsLabelWriter.corrId(answered)))
                && (filter.contentId() == null || filter.contentId().equals(ShsLabelWriter.contentId(adm.answered())))
                && (filter.originator() == null || answered.recipient().startsWith(filter.originator().orgNumber()
                        + "."));
    }

    private static String originator(MessageRecord message) {
        String written = message.envelope().metadata().get(ShsEnvelopes.ORIGINATOR);
        return written == null ? message.sender() : ShsAddress.parse(written).orgNumber();
    }

    private Entry entry(MessageRecord message) {
        return new Entry(message.receivedAt(), xml -> writeMessage(xml, message));
    }

    private Entry entry(ShsAdmMessage adm) {
        return new Entry(adm.issuedAt(), xml -> writeAdm(xml, adm));
    }

    private void writeMessage(XMLStreamWriter xml, MessageRecord message) throws XMLStreamException {
        Envelope envelope = message.envelope();
        Map<String, String> metadata = envelope.metadata();
        xml.writeStartElement("message");
        xml.writeAttribute("tx.id", message.messageId());
        xml.writeAttribute("corr.id", ShsLabelWriter.corrId(envelope));
        xml.writeAttribute("content.id", ShsLabelWriter.contentId(message));
        xml.writeAttribute("timestamp", ShsLabelWriter.timestamp(message.receivedAt()));
        xml.writeAttribute("size", Long.toString(message.payload().size()));
        xml.writeAttribute("transfer-type", "asynch");
        xml.writeAttribute("sequence-type", metadata.getOrDefault(ShsEnvelopes.SEQUENCE_TYPE, "event"));
        xml.writeAttribute("status", ShsLabelWriter.status(envelope));
        xml.writeAttribute("acknowledged", message.state() == MessageState.ACKNOWLEDGED ? "yes" : "no");
        ShsXml.element(xml, "originator", ShsAddress.PREFIX + originator(message));
        ShsXml.element(xml, "from", metadata.getOrDefault(ShsEnvelopes.FROM,
                ShsAddress.PREFIX + message.sender()));
        ShsXml.element(xml, "to", ShsAddress.ofMailbox(envelope.recipient()).toString());
        if (metadata.containsKey(ShsEnvelopes.END_RECIPIENT)) {
            ShsXml.element(xml, "end-recipient", metadata.get(ShsEnvelopes.END_RECIPIENT));
        }
        ShsXml.element(xml, "product", ShsAddress.PREFIX + labels.shsProduct(envelope.product()));
        if (envelope.subject() != null) {
            ShsXml.element(xml, "subject", envelope.subject());
        }
        xml.writeEndElement();
    }

    private void writeAdm(XMLStreamWriter xml, ShsAdmMessage adm) throws XMLStreamException {
        MessageRecord answered = adm.answered();
        ShsAddress from = ShsAddress.ofMailbox(answered.recipient());
        xml.writeStartElement("message");
        xml.writeAttribute("tx.id", adm.txId());
        xml.writeAttribute("corr.id", ShsLabelWriter.corrId(answered.envelope()));
        xml.writeAttribute("content.id", ShsLabelWriter.contentId(answered));
        xml.writeAttribute("timestamp", ShsLabelWriter.timestamp(adm.issuedAt()));
        xml.writeAttribute("size", Integer.toString(admMessages.management(adm).length));
        xml.writeAttribute("transfer-type", "asynch");
        xml.writeAttribute("sequence-type", "adm");
        xml.writeAttribute("status", ShsLabelWriter.status(answered.envelope()));
        xml.writeAttribute("acknowledged", adm.acknowledged() ? "yes" : "no");
        ShsXml.element(xml, "originator", new ShsAddress(from.orgNumber(), null).toString());
        ShsXml.element(xml, "from", from.toString());
        ShsXml.element(xml, "to", adm.outbox());
        ShsXml.element(xml, "product", adm.kind().product());
        xml.writeEndElement();
    }
}
