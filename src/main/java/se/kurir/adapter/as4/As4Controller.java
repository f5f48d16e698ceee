package se.kurir.adapter.as4;

import com.helger.base.io.iface.IHasInputStream;
import com.helger.collection.commons.CommonsArrayList;
import com.helger.http.header.HttpHeaderMap;
import com.helger.mime.IMimeType;
import com.helger.phase4.attachment.IAS4IncomingAttachmentFactory;
import com.helger.phase4.incoming.AS4IncomingMessageMetadata;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.incoming.AS4IncomingReceiverConfiguration;
import com.helger.phase4.incoming.AS4RequestHandler;
import com.helger.phase4.incoming.IAS4ResponseAbstraction;
import com.helger.phase4.incoming.crypto.AS4IncomingSecurityConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where partner access points push AS4 user messages. The request is authenticated by the message itself, as
 * eDelivery does it: phase4 verifies the WS-Security signature against the partners' certificates and decrypts, the
 * P-Mode is one of {@code kurir.as4.pmodes} (a message under no agreed P-Mode is refused), and {@link As4Inbound}
 * insists the signer is that P-Mode's partner. The answer is the signed receipt, or an ebMS error.
 */
@RestController
@Tag(name = "AS4 bridge")
class As4Controller {

    private static final Logger log = LoggerFactory.getLogger(As4Controller.class);

    private final As4AccessPoint accessPoint;
    private final As4Inbound inbound;

    As4Controller(As4AccessPoint accessPoint, As4Inbound inbound) {
        this.accessPoint = accessPoint;
        this.inbound = inbound;
    }

    @Operation(summary = "Receive an AS4 user message (ebMS3, SOAP 1.2 with attachments); answered with a signed "
            + "receipt or an ebMS error")
    @PostMapping(path = "/as4")
    void receive(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (!accessPoint.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HttpHeaderMap headers = new HttpHeaderMap();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                headers.addHeader(name, value);
            }
        }
        try (AS4RequestHandler handler = new AS4RequestHandler(AS4IncomingMessageMetadata.createForRequest()
                .setRemoteAddr(request.getRemoteAddr()))) {
            handler.setCryptoFactory(accessPoint.crypto());
            handler.setPModeResolver((pmodeId, service, action, initiator, responder, agreement, address) ->
                    accessPoint.partnerFor(pmodeId, service, action, initiator).map(As4AccessPoint.Partner::inbound)
                            .orElse(null));
            handler.setIncomingProfileSelector(new AS4IncomingProfileSelectorConstant(Phase4Runtime.PROFILE_ID,
                    true));
            handler.setIncomingAttachmentFactory(IAS4IncomingAttachmentFactory.DEFAULT_INSTANCE);
            handler.setIncomingSecurityConfiguration(AS4IncomingSecurityConfiguration.createDefaultInstance());
            handler.setIncomingReceiverConfiguration(new AS4IncomingReceiverConfiguration());
            handler.setProcessorSupplier(() -> new CommonsArrayList<>(inbound));
            handler.setErrorConsumer((metadata, state, errors, answer) -> inbound.refused(state, errors));
            handler.handleRequest(request.getInputStream(), headers, new ServletResponse(response));
        } catch (com.helger.phase4.util.Phase4Exception e) {
            log.info("An AS4 request was not an AS4 message: {}", e.getMessage());
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
    }

    /** phase4's view of the servlet response. */
    private static final class ServletResponse implements IAS4ResponseAbstraction {

        private final HttpServletResponse response;

        ServletResponse(HttpServletResponse response) {
            this.response = response;
        }

        @Override
        public void setContent(byte[] bytes, Charset charset) {
            response.setCharacterEncoding(charset.name());
            write(out -> out.write(bytes));
        }

        @Override
        public void setContent(HttpHeaderMap headers, IHasInputStream content) {
            headers.forEachSingleHeader(response::setHeader, false);
            write(out -> {
                try (InputStream in = content.getInputStream()) {
                    in.transferTo(out);
                }
            });
        }

        @Override
        public void setMimeType(IMimeType mimeType) {
            response.setContentType(mimeType.getAsString());
        }

        @Override
        public void setStatus(int status) {
            response.setStatus(status);
        }

        private void write(Body body) {
            try {
                body.writeTo(response.getOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private interface Body {
            void writeTo(OutputStream out) throws IOException;
        }
    }
}
