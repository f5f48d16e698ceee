package se.kurir.adapter.as4;

import com.helger.collection.commons.CommonsArrayList;
import com.helger.collection.commons.ICommonsList;
import com.helger.http.header.HttpHeaderMap;
import com.helger.mime.CMimeType;
import com.helger.phase4.CAS4;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.attachment.IAS4IncomingAttachmentFactory;
import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.crypto.AS4CryptoFactoryInMemoryKeyStore;
import com.helger.phase4.crypto.ECryptoAlgorithmCrypt;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import com.helger.phase4.crypto.ECryptoAlgorithmSignDigest;
import com.helger.phase4.ebms3header.Ebms3Error;
import com.helger.phase4.ebms3header.Ebms3Property;
import com.helger.phase4.ebms3header.Ebms3SignalMessage;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.error.AS4ErrorList;
import com.helger.phase4.incoming.AS4IncomingMessageMetadata;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.incoming.AS4IncomingReceiverConfiguration;
import com.helger.phase4.incoming.AS4RequestHandler;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.IAS4ResponseAbstraction;
import com.helger.phase4.incoming.crypto.AS4IncomingSecurityConfiguration;
import com.helger.phase4.incoming.spi.AS4MessageProcessorResult;
import com.helger.phase4.incoming.spi.AS4SignalMessageProcessorResult;
import com.helger.phase4.incoming.spi.IAS4IncomingMessageProcessorSPI;
import com.helger.phase4.model.EMEP;
import com.helger.phase4.model.EMEPBinding;
import com.helger.phase4.model.ESoapVersion;
import com.helger.phase4.model.MessageProperty;
import com.helger.phase4.model.pmode.IPMode;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.model.pmode.PModeParty;
import com.helger.phase4.model.pmode.PModeReceptionAwareness;
import com.helger.phase4.model.pmode.leg.EPModeSendReceiptReplyPattern;
import com.helger.phase4.model.pmode.leg.PModeLeg;
import com.helger.phase4.model.pmode.leg.PModeLegBusinessInformation;
import com.helger.phase4.model.pmode.leg.PModeLegErrorHandling;
import com.helger.phase4.model.pmode.leg.PModeLegProtocol;
import com.helger.phase4.model.pmode.leg.PModeLegSecurity;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import com.helger.phase4.wss.EWSSVersion;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.w3c.dom.Node;

/**
 * The partner access point the AS4 tests play: phase4's own receiving and sending sides, configured here and not with
 * the bridge's code, as another organisation's access point would be. It keeps what it receives (after phase4 has
 * verified the signature against the certificate it trusts and decrypted), answers with phase4's signed receipt, and
 * sends user messages to Kurir's {@code /as4}. It can be stopped and started again on the same port.
 */
final class PartnerAccessPoint {

    static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";

    /** What arrived, as the partner's back end would see it. */
    record Received(String messageId, String conversationId, Map<String, String> properties,
            byte[] payload, String mimeType, X509Certificate signer, boolean decrypted) {
    }

    /** What the partner's sender got back. */
    record Sent(EAS4UserMessageSendResult result, List<Ebms3Error> errors) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final String partyId;
    private final AS4CryptoFactoryInMemoryKeyStore crypto;
    private final String kurirPartyId;
    private final int port;
    private HttpServer server;

    PartnerAccessPoint(String partyId, KeyStore key, String alias, char[] password, X509Certificate kurir,
            String kurirPartyId, int port) throws Exception {
        this.partyId = partyId;
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("kurir", kurir);
        this.crypto = new AS4CryptoFactoryInMemoryKeyStore(key, alias, password, trusted);
        this.kurirPartyId = kurirPartyId;
        this.port = port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/as4";
    }

    void start() throws IOException {
        Phase4Runtime.start();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/as4", exchange -> {
            HttpHeaderMap headers = new HttpHeaderMap();
            exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.addHeader(name, v)));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            int[] status = {200};
            try (AS4RequestHandler handler = new AS4RequestHandler(AS4IncomingMessageMetadata.createForRequest())) {
                handler.setCryptoFactory(crypto);
                handler.setPModeResolver((id, service, action, initiator, responder, agreement, address) ->
                        pmode(id, initiator, responder, service, action, null));
                handler.setIncomingProfileSelector(new AS4IncomingProfileSelectorConstant(Phase4Runtime.PROFILE_ID,
                        true));
                handler.setIncomingAttachmentFactory(IAS4IncomingAttachmentFactory.DEFAULT_INSTANCE);
                handler.setIncomingSecurityConfiguration(AS4IncomingSecurityConfiguration.createDefaultInstance());
                handler.setIncomingReceiverConfiguration(new AS4IncomingReceiverConfiguration());
                handler.setProcessorSupplier(() -> new CommonsArrayList<>(new Keeper()));
                handler.handleRequest(exchange.getRequestBody(), headers, new IAS4ResponseAbstraction() {
                    @Override
                    public void setContent(byte[] bytes, Charset charset) {
                        body.writeBytes(bytes);
                    }

                    @Override
                    public void setContent(HttpHeaderMap map, com.helger.base.io.iface.IHasInputStream content) {
                        map.forEachSingleHeader(responseHeaders::put, false);
                        try (InputStream in = content.getInputStream()) {
                            in.transferTo(body);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void setMimeType(com.helger.mime.IMimeType type) {
                        responseHeaders.put("Content-Type", type.getAsString());
                    }

                    @Override
                    public void setStatus(int code) {
                        status[0] = code;
                    }
                });
            } catch (Exception e) {
                status[0] = 500;
            }
            responseHeaders.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status[0], body.size() == 0 ? -1 : body.size());
            if (body.size() > 0) {
                exchange.getResponseBody().write(body.toByteArray());
            }
            exchange.close();
        });
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Sends one user message to Kurir's {@code /as4}, signed with {@code signer} (the partner's own key if null). */
    Sent send(String kurirUrl, String pmodeId, String service, String action, String messageId,
            Map<String, String> properties, byte[] payload, AS4CryptoFactoryInMemoryKeyStore signer,
            X509Certificate kurir) {
        List<Ebms3Error> errors = new CopyOnWriteArrayList<>();
        var builder = AS4Sender.builderUserMessage()
                .as4ProfileID(Phase4Runtime.PROFILE_ID)
                .cryptoFactory(signer == null ? crypto : signer)
                .pmode(pmode(pmodeId, partyId, kurirPartyId, service, action, kurirUrl))
                .fromPartyIDType(PARTY_TYPE).fromPartyID(partyId).fromRole(CAS4.DEFAULT_INITIATOR_URL)
                .toPartyIDType(PARTY_TYPE).toPartyID(kurirPartyId).toRole(CAS4.DEFAULT_RESPONDER_URL)
                .service(service).action(action).messageID(messageId).conversationID("partner-conversation-1")
                .receiverCertificate(kurir)
                .endpointURL(kurirUrl)
                .signalMsgConsumer((signal, metadata, state) -> errors.addAll(signal.getError()))
                .addAttachment(AS4OutgoingAttachment.builder().data(payload).mimeType(CMimeType.APPLICATION_JSON)
                        .filename("manadsfil.json"));
        properties.forEach((name, value) -> builder.addMessageProperty(MessageProperty.builder().name(name)
                .value(value)));
        return new Sent(builder.sendMessageAndCheckForReceipt(), errors);
    }

    /** eDelivery AS4's common profile, written out here as a partner would configure its own access point. */
    private static PMode pmode(String id, String initiator, String responder, String service, String action,
            String address) {
        PModeLegSecurity security = new PModeLegSecurity();
        security.setWSSVersion(EWSSVersion.WSS_111);
        security.setX509SignatureAlgorithm(ECryptoAlgorithmSign.RSA_SHA_256);
        security.setX509SignatureHashFunction(ECryptoAlgorithmSignDigest.DIGEST_SHA_256);
        security.setX509EncryptionAlgorithm(ECryptoAlgorithmCrypt.AES_128_GCM);
        security.setX509EncryptionMinimumStrength(128);
        security.setPModeAuthorize(false);
        security.setSendReceipt(true);
        security.setSendReceiptReplyPattern(EPModeSendReceiptReplyPattern.RESPONSE);
        security.setSendReceiptNonRepudiation(true);
        PModeLegErrorHandling errors = PModeLegErrorHandling.createUndefined();
        errors.setReportAsResponse(true);
        PModeLeg leg = new PModeLeg(new PModeLegProtocol(address, ESoapVersion.SOAP_12),
                PModeLegBusinessInformation.create(service, action, null, CAS4.DEFAULT_MPC_ID), errors, null,
                security);
        return new PMode(id == null ? "partner-" + action : id,
                new PModeParty(PARTY_TYPE, initiator, CAS4.DEFAULT_INITIATOR_URL, null, null),
                new PModeParty(PARTY_TYPE, responder, CAS4.DEFAULT_RESPONDER_URL, null, null),
                "urn:partner:agreement", EMEP.ONE_WAY, EMEPBinding.PUSH, leg, null, null,
                PModeReceptionAwareness.createDefault());
    }

    /** The partner's back end: keeps each user message. */
    private final class Keeper implements IAS4IncomingMessageProcessorSPI {

        @Override
        public AS4MessageProcessorResult processAS4UserMessage(IAS4IncomingMessageMetadata metadata,
                HttpHeaderMap headers, Ebms3UserMessage message, IPMode pmode, Node payload,
                ICommonsList<WSS4JAttachment> attachments, IAS4IncomingMessageState state, AS4ErrorList errors) {
            Map<String, String> properties = new LinkedHashMap<>();
            for (Ebms3Property property : message.getMessageProperties().getProperty()) {
                properties.put(property.getName(), property.getValue());
            }
            try (InputStream in = attachments.get(0).getSourceStream()) {
                received.add(new Received(message.getMessageInfo().getMessageId(),
                        message.getCollaborationInfo().getConversationId(),
                        properties, in.readAllBytes(),
                        attachments.get(0).getUncompressedMimeType(), state.getSigningCertificate(),
                        state.isSoapDecrypted()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AS4MessageProcessorResult.createSuccess();
        }

        @Override
        public AS4SignalMessageProcessorResult processAS4SignalMessage(IAS4IncomingMessageMetadata metadata,
                HttpHeaderMap headers, Ebms3SignalMessage signal, IPMode pmode, IAS4IncomingMessageState state,
                AS4ErrorList errors) {
            return AS4SignalMessageProcessorResult.createSuccess();
        }

        @Override
        public void processAS4ResponseMessage(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state,
                String responseMessageId, byte[] response, boolean available, AS4ErrorList errors) {
        }
    }
}
