package se.kurir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kurir: one gateway for structured, policy-checked, audited exchange between Swedish agencies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KurirApplication {

    public static void main(String[] args) {
        SpringApplication.run(KurirApplication.class, args);
    }
}
