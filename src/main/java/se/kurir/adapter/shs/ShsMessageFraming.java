package se.kurir.adapter.shs;

import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageRecord;

/**
 * The framing of a message in a mailbox as SHS carries it: its label written back from the envelope, then its one
 * data part (with the file name the label gave it), or the document its several data parts are kept in.
 */
@Component
class ShsMessageFraming {

    private final ShsLabelWriter labels;

    ShsMessageFraming(ShsLabelWriter labels) {
        this.labels = labels;
    }

    ShsMimeWriter.Framing of(MessageRecord message) {
        byte[] label = labels.write(message);
        if (ShsDataParts.isDocument(message.mediaType())) {
            return ShsMimeWriter.dataPartsDocument(label, ShsDataParts.boundaryOf(message.mediaType()));
        }
        return ShsMimeWriter.oneDataPart(label, message.mediaType(), ShsMimeWriter.attachment(message.envelope()
                .metadata().getOrDefault(ShsEnvelopes.FILENAME, message.messageId())));
    }
}
