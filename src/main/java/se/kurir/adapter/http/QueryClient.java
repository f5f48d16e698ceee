package se.kurir.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.springframework.stereotype.Component;
import se.kurir.delivery.DeliveryProblem;
import se.kurir.delivery.QueryProperties;
import se.kurir.delivery.QueryReply;
import se.kurir.delivery.QueryRequest;
import se.kurir.envelope.LegalBasis;
import se.kurir.payload.Sha256;
import se.kurir.problem.ProblemCode;

/**
 * Asks the answerer's query endpoint: {@code POST} of {@code {"requestId", "requester", "envelope", "query"}} as JSON;
 * a 2xx answer must be {@code {"legalBasis": {...}, "reply": ...}}. Anything else is a failure with a stable code.
 */
@Component
public class QueryClient {

    private final HttpClient http;
    private final QueryProperties properties;
    private final ObjectMapper json;

    QueryClient(QueryProperties properties, ObjectMapper json, OutboundHttp http) {
        this.properties = properties;
        this.json = json;
        this.http = http.client();
    }

    /** Why the answerer gave no usable reply; the code is the problem answer's code. */
    public static final class QueryFailedException extends Exception {

        private final ProblemCode code;
        private final boolean timeout;

        QueryFailedException(ProblemCode code, boolean timeout, String message) {
            super(message);
            this.code = code;
            this.timeout = timeout;
        }

        public ProblemCode code() {
            return code;
        }

        public boolean timeout() {
            return timeout;
        }
    }

    public QueryReply ask(String url, QueryRequest request) throws QueryFailedException {
        String host = URI.create(url).getHost();
        HttpResponse<InputStream> answer = send(url, request, host);
        try (InputStream body = answer.body()) {
            if (answer.statusCode() / 100 != 2) {
                throw new QueryFailedException(DeliveryProblem.QUERY_REMOTE_ERROR, false,
                        "the answerer " + host + " answered HTTP " + answer.statusCode());
            }
            byte[] bytes = body.readNBytes((int) properties.maxSize().toBytes() + 1);
            if (bytes.length > properties.maxSize().toBytes()) {
                throw new QueryFailedException(DeliveryProblem.REPLY_TOO_LARGE, false,
                        "the reply from " + host + " exceeds " + properties.maxSize());
            }
            return reply(bytes, host);
        } catch (HttpTimeoutException e) {
            throw timedOut(host);
        } catch (IOException e) {
            throw new QueryFailedException(DeliveryProblem.QUERY_REMOTE_ERROR, false, "the reply from " + host
                    + " broke off: " + e);
        }
    }

    private HttpResponse<InputStream> send(String url, QueryRequest request, String host)
            throws QueryFailedException {
        ObjectNode body = json.createObjectNode().put("requestId", request.requestId())
                .put("requester", request.requester());
        body.set("envelope", json.valueToTree(request.envelope()));
        try {
            body.set("query", json.readTree(request.query()));
            HttpRequest call = HttpRequest.newBuilder(URI.create(url)).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("Kurir-Request-Id", request.requestId())
                    .header("Kurir-Requester", request.requester())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            return http.send(call, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw timedOut(host);
        } catch (IOException e) {
            throw new QueryFailedException(DeliveryProblem.QUERY_REMOTE_ERROR, false, "no answer from " + host + ": "
                    + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryFailedException(DeliveryProblem.QUERY_REMOTE_ERROR, false, "interrupted while asking "
                    + host);
        }
    }

    private QueryReply reply(byte[] bytes, String host) throws QueryFailedException {
        try {
            JsonNode tree = json.readTree(bytes);
            JsonNode basis = tree == null ? null : tree.get("legalBasis");
            JsonNode reply = tree == null ? null : tree.get("reply");
            if (basis == null || reply == null) {
                throw new QueryFailedException(DeliveryProblem.REPLY_INVALID, false,
                        "reply: the answer from " + host + " lacks legalBasis or reply");
            }
            LegalBasis legalBasis = json.treeToValue(basis, LegalBasis.class);
            if (legalBasis.statute() == null || legalBasis.provision() == null || legalBasis.disclosureMode() == null
                    || legalBasis.purpose() == null || legalBasis.classification() == null) {
                throw new QueryFailedException(DeliveryProblem.REPLY_INVALID, false, "legalBasis: the reply from "
                        + host
                        + " needs statute, provision, disclosureMode, purpose and classification");
            }
            byte[] replyBytes = json.writeValueAsBytes(reply);
            return new QueryReply(legalBasis, replyBytes, Sha256.of(replyBytes));
        } catch (IOException e) {
            // Not the parser's message: it quotes the reply, and replies stay out of logs and audit records.
            throw new QueryFailedException(DeliveryProblem.REPLY_INVALID, false, "reply: the answer from " + host
                    + " is not JSON of the expected shape");
        }
    }

    private QueryFailedException timedOut(String host) {
        return new QueryFailedException(DeliveryProblem.QUERY_TIMEOUT, true,
                "the answerer " + host + " did not reply within " + properties.timeout().toMillis() + " ms");
    }
}
