package se.kurir.security;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded broker checks every connection and every send or receive with {@link BrokerAccess}. */
@Configuration(proxyBeanMethods = false)
class BrokerSecurityConfiguration {

    @Bean
    ArtemisConfigurationCustomizer brokerSecurityOn() {
        return configuration -> configuration.setSecurityEnabled(true);
    }

    /** Spring Boot builds the embedded broker without a security manager hook; set ours before it starts. */
    @Bean
    static BeanPostProcessor brokerAccessInstaller(ObjectProvider<SecurityProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(new BrokerAccess(new ApiClients(properties.getObject().apiKeys())));
                }
                return bean;
            }
        };
    }
}
