package se.kurir.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Registers every certificate found under {@code kurir.crypto.certificates} at start-up. Already registered ones are
 * left as they are (a revocation made through the operator API stands); an expired one is skipped with a warning
 * (it may stay in the directory for the record). Any other refusal stops the start: a node that silently ignored a
 * configured certificate would seal for the wrong key.
 */
@Component
class CertificateSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CertificateSeeder.class);
    static final String ACTOR = "config";

    private final CertificateRegistry registry;
    private final CryptoProperties properties;

    CertificateSeeder(CertificateRegistry registry, CryptoProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Path directory = properties.certificates();
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> pems = files.filter(p -> p.toString().endsWith(".pem")).sorted().toList();
            for (Path pem : pems) {
                for (X509Certificate certificate : Pem.certificates(Files.readString(pem))) {
                    register(pem, certificate);
                }
            }
            log.info("Certificates: {} file(s) read from {}", pems.size(), directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void register(Path file, X509Certificate certificate) {
        try {
            registry.register(certificate, ACTOR);
        } catch (CertificateRefusedException e) {
            if (e.code() == CertificateRefusedException.Code.CERTIFICATE_EXPIRED) {
                log.warn("Certificate in {} not registered: {}", file, e.getMessage());
                return;
            }
            throw new IllegalStateException(file + ": " + e.code() + " " + e.getMessage(), e);
        }
    }
}
