package se.kurir.crypto;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.kurir.audit.AuditProperties;
import se.kurir.audit.CheckpointSigner;

/** The audit log's checkpoint key, when the node has one: a configured alias that is missing stops start-up. */
@Configuration(proxyBeanMethods = false)
class AuditCheckpointConfiguration {

    @Bean
    @ConditionalOnProperty("kurir.audit.checkpoints.key-alias")
    CheckpointSigner auditCheckpointKey(NodeKeys keys, AuditProperties audit) {
        String alias = audit.checkpoints().keyAlias();
        return new AuditCheckpointKey(keys.ownKey(alias).orElseThrow(() -> new IllegalStateException(
                "kurir.audit.checkpoints.key-alias: the node keystore (kurir.crypto.keystore) has no key '" + alias
                        + "'")));
    }
}
