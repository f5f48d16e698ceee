package se.kurir.ops;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The admission gate runs before everything else, security included: a node that is not ready checks nobody. */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    @Bean
    AdmissionGate admissionGate(ApplicationAvailability availability) {
        return new AdmissionGate(availability);
    }

    @Bean
    FilterRegistrationBean<AdmissionGate> admissionGateRegistration(AdmissionGate gate) {
        var registration = new FilterRegistrationBean<>(gate);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
