package se.kurir.adapter.as4;

import com.helger.phase4.CAS4;
import com.helger.phase4.crypto.AS4CryptoFactoryInMemoryKeyStore;
import com.helger.phase4.crypto.ECryptoAlgorithmCrypt;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import com.helger.phase4.crypto.ECryptoAlgorithmSignDigest;
import com.helger.phase4.model.EMEP;
import com.helger.phase4.model.EMEPBinding;
import com.helger.phase4.model.ESoapVersion;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.model.pmode.PModeParty;
import com.helger.phase4.model.pmode.PModeReceptionAwareness;
import com.helger.phase4.model.pmode.leg.EPModeSendReceiptReplyPattern;
import com.helger.phase4.model.pmode.leg.PModeLeg;
import com.helger.phase4.model.pmode.leg.PModeLegBusinessInformation;
import com.helger.phase4.model.pmode.leg.PModeLegErrorHandling;
import com.helger.phase4.model.pmode.leg.PModeLegProtocol;
import com.helger.phase4.model.pmode.leg.PModeLegSecurity;
import com.helger.phase4.wss.EWSSVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.kurir.crypto.Pem;

/**
 * This node as an eDelivery AS4 access point: its key, its partners and the P-Modes agreed with them, all from
 * {@code kurir.as4}. Every P-Mode follows eDelivery AS4's common profile: one-way push over SOAP 1.2, the user message
 * and its payloads signed (RSA-SHA256) and encrypted (AES-128-GCM, the key sent RSA-OAEP to the partner's
 * certificate), a signed receipt (non-repudiation of receipt) on the same connection, and duplicate elimination.
 */
@Component
class As4AccessPoint {

    private final As4Properties properties;
    private final Map<String, Partner> partners = new LinkedHashMap<>();
    private final AS4CryptoFactoryInMemoryKeyStore crypto;

    /**
     * One agreed P-Mode as phase4 runs it, in both directions (this node initiating what it sends, the partner what
     * it receives), with the partner certificate it names.
     */
    record Partner(As4Properties.PModeSettings settings, PMode outbound, PMode inbound,
            X509Certificate certificate) {
    }

    As4AccessPoint(As4Properties properties) {
        this.properties = properties;
        if (!properties.enabled()) {
            this.crypto = null;
            return;
        }
        Phase4Runtime.start();
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (As4Properties.PModeSettings settings : properties.pmodes()) {
                X509Certificate certificate = certificate(settings);
                trusted.setCertificateEntry(settings.id(), certificate);
                String self = properties.partyId();
                String partner = settings.partnerPartyId();
                partners.put(settings.id(), new Partner(settings, pmode(settings, self, partner),
                        pmode(settings, partner, self), certificate));
            }
            As4Properties.Keystore key = properties.keystore();
            this.crypto = new AS4CryptoFactoryInMemoryKeyStore(keystore(key), key.alias(),
                    key.password().toCharArray(), trusted);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("kurir.as4: " + e.getMessage(), e);
        }
    }

    boolean enabled() {
        return properties.enabled();
    }

    String partyId() {
        return properties.partyId();
    }

    String partyIdType() {
        return properties.partyIdType();
    }

    AS4CryptoFactoryInMemoryKeyStore crypto() {
        return crypto;
    }

    Optional<Partner> partner(String pmodeId) {
        return Optional.ofNullable(partners.get(pmodeId));
    }

    /** The P-Mode a message from {@code initiator} for this service and action runs under, if any was agreed. */
    Optional<Partner> partnerFor(String pmodeId, String service, String action, String initiator) {
        if (pmodeId != null && !pmodeId.isBlank()) {
            return partner(pmodeId).filter(p -> p.settings().partnerPartyId().equals(initiator));
        }
        return partners.values().stream().filter(p -> p.settings().partnerPartyId().equals(initiator))
                .filter(p -> p.settings().service().equals(service) && p.settings().action().equals(action))
                .findFirst();
    }

    Duration timeout() {
        return properties.timeout();
    }

    private PMode pmode(As4Properties.PModeSettings settings, String initiator, String responder) {
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
        PModeLeg leg = new PModeLeg(new PModeLegProtocol(settings.partnerUrl(), ESoapVersion.SOAP_12),
                PModeLegBusinessInformation.create(settings.service(), settings.action(), null, CAS4.DEFAULT_MPC_ID),
                errors, null, security);
        PModeReceptionAwareness awareness = PModeReceptionAwareness.createDefault();
        return new PMode(settings.id(),
                new PModeParty(properties.partyIdType(), initiator, CAS4.DEFAULT_INITIATOR_URL, null, null),
                new PModeParty(properties.partyIdType(), responder, CAS4.DEFAULT_RESPONDER_URL, null, null),
                "urn:kurir:as4:" + settings.id(), EMEP.ONE_WAY, EMEPBinding.PUSH, leg, null, null, awareness);
    }

    private static X509Certificate certificate(As4Properties.PModeSettings settings) {
        try {
            List<X509Certificate> found = Pem.certificates(Files.readString(Path.of(settings.partnerCertificate())));
            if (found.size() != 1) {
                throw new IllegalStateException("kurir.as4.pmodes[" + settings.id() + "].partner-certificate: "
                        + settings.partnerCertificate() + " must hold exactly one certificate");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("kurir.as4.pmodes[" + settings.id() + "].partner-certificate", e);
        }
    }

    private static KeyStore keystore(As4Properties.Keystore key) throws GeneralSecurityException {
        if (key.path() == null || key.path().isBlank() || key.password() == null) {
            throw new IllegalStateException("kurir.as4.keystore: the path and password of the node's AS4 key");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(key.path()))) {
            store.load(in, key.password().toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("kurir.as4.keystore.path: " + key.path(), e);
        }
        return store;
    }
}
