package se.kurir.support;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.kurir.KurirApplication;

/** A Kurir node started and stopped by a test, on its own data directory and a random port. */
public final class KurirNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private KurirNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static KurirNode start(Path dataDir, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("kurir.broker.acceptor", ""); // in-VM only unless a test asks for a port
        all.putIfAbsent("spring.profiles.active", "demo"); // never a default: a node names its profile
        all.put("server.port", "0");
        all.put("kurir.data-dir", dataDir.toString());
        all.put("spring.jmx.unique-names", "true"); // other nodes in this JVM export the same MBeans
        // As command-line arguments: they override config/application.yml, as an operator's would.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new KurirNode(new SpringApplicationBuilder(KurirApplication.class).run(args));
    }

    public Api api() {
        return new Api(port());
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> Collection<T> beans(Class<T> type) {
        return context.getBeansOfType(type).values();
    }

    @Override
    public void close() {
        context.close();
    }
}
