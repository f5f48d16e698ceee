package se.kurir.adapter.shs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.QueryProperties;
import se.kurir.delivery.QueryReply;
import se.kurir.delivery.QueryRequest;
import se.kurir.envelope.Envelope;

/**
 * A synch SHS message is Kurir's request/reply: the same policy (ON_REQUEST under an agreement naming the answerer as
 * producer), audit and privacy step on the reply, while the SHS client waits. The data part is the query: JSON as it
 * is, text (XML, say) as a JSON string; the reply comes back as an SHS reply message (200, multipart/mixed, label
 * with from and to swapped and the same corr.id and content.id), a JSON string reply as text again.
 */
@Component
class ShsSynchRequests {

    private final ShsEnvelopes envelopes;
    private final ShsLabelWriter labels;
    private final PipelineIngress pipeline;
    private final QueryProperties properties;
    private final ObjectMapper json;

    ShsSynchRequests(ShsEnvelopes envelopes, ShsLabelWriter labels, PipelineIngress pipeline,
            QueryProperties properties, ObjectMapper json) {
        this.envelopes = envelopes;
        this.labels = labels;
        this.pipeline = pipeline;
        this.properties = properties;
        this.json = json;
    }

    ResponseEntity<byte[]> ask(ShsLabel label, ShsMimeMessage message, String caller) {
        Envelope envelope = envelopes.toRequestEnvelope(label, caller);
        ShsMimeMessage.Part data = message.next();
        if (data == null) {
            throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "body: the message has a label and no "
                    + "data part");
        }
        String contentType = data.headers().get("Content-Type");
        boolean text = isText(data.headers().value("Content-Type"));
        byte[] query = query(data, text);
        if (message.next() != null) {
            throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "body: more than one data part; a synch "
                    + "request carries its query in one");
        }
        QueryReply reply = pipeline.ask(new QueryRequest(label.txId(), caller, envelope, query));
        return answer(label, envelope, reply, text ? contentType : null);
    }

    private byte[] query(ShsMimeMessage.Part data, boolean text) {
        long limit = properties.maxSize().toBytes();
        byte[] bytes;
        try (InputStream in = data.decoded()) {
            bytes = in.readNBytes((int) limit + 1);
        } catch (IOException e) {
            throw ShsMimeMessage.malformed("body: the message ends inside its data part (" + e.getMessage() + ")",
                    e);
        }
        if (bytes.length > limit) {
            throw synchData("data part: a synch request may be at most " + properties.maxSize()
                    + "; send larger data asynch");
        }
        if (text) {
            String charset = data.headers().parameter("Content-Type", "charset");
            try {
                return json.writeValueAsBytes(ShsLabelReader.decode(bytes, charset));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            JsonNode parsed = json.readTree(bytes);
            if (parsed == null) {
                throw synchData("data part: empty; a synch request's query is JSON or text");
            }
            return bytes;
        } catch (IOException e) {
            // Not the parser's message: it would quote the query.
            throw synchData("data part: declared " + data.headers().value("Content-Type") + " and not JSON; a "
                    + "synch request's query is JSON or text");
        }
    }

    private ResponseEntity<byte[]> answer(ShsLabel request, Envelope envelope, QueryReply reply, String textType) {
        byte[] body = reply.reply();
        String replyType = "application/json";
        String datapartType = "json";
        try {
            JsonNode tree = json.readTree(body);
            if (textType != null && tree.isTextual()) {
                body = tree.textValue().getBytes(StandardCharsets.UTF_8);
                replyType = textType.replaceAll(";.*", "") + "; charset=UTF-8";
                datapartType = replyType.contains("xml") ? "xml" : "text";
            }
        } catch (IOException e) {
            throw new IllegalStateException("The request/reply route passed on a reply that is not JSON", e);
        }
        String txId = UUID.randomUUID().toString();
        ShsMimeWriter.Framing framing = ShsMimeWriter.oneDataPart(labels.reply(request, envelope.recipient(), txId,
                body.length, datapartType), replyType, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            framing.write(out, new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(HttpStatus.OK)
                .header("Content-Type", framing.contentType())
                .header(ShsHeaders.TX_ID, txId)
                .header(ShsHeaders.CORR_ID, request.corrId())
                .header(ShsHeaders.CONTENT_ID, request.contentId())
                .body(out.toByteArray());
    }

    private static boolean isText(String mediaType) {
        return mediaType != null && (mediaType.startsWith("text/") || mediaType.endsWith("/xml")
                || mediaType.endsWith("+xml"));
    }

    private static ShsException synchData(String detail) {
        return new ShsException(ShsProblem.SHS_SYNCH_DATA_INVALID, detail);
    }
}
