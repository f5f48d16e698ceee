package se.kurir.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU went during a run, from its flight recording's execution samples: each sample counts for the component whose
 * code was running (the top frame, or the nearest caller outside the JDK when the JDK was running on its behalf), and
 * once for each component anywhere on its stack (what the work under that component cost in all).
 */
final class FlightSummary {

    /** Class name prefixes, in the order they are tried; the first match names the component. */
    private static final Map<String, String> COMPONENTS = components();

    private FlightSummary() {
    }

    private static Map<String, String> components() {
        var components = new LinkedHashMap<String, String>();
        components.put("org.h2.", "H2");
        components.put("org.postgresql.", "PostgreSQL driver");
        components.put("com.zaxxer.hikari.", "Hikari pool");
        components.put("org.apache.activemq.", "Artemis (broker and client)");
        components.put("io.micrometer.", "Micrometer");
        components.put("org.springframework.security.", "Spring Security");
        components.put("org.springframework.jdbc.", "Spring JDBC");
        components.put("org.springframework.transaction.", "Spring transactions");
        components.put("org.springframework.jms.", "Spring JMS");
        components.put("org.springframework.web.", "Spring MVC");
        components.put("org.springframework.", "Spring (other)");
        components.put("com.fasterxml.jackson.", "Jackson");
        components.put("com.networknt.schema.", "JSON schema");
        components.put("org.apache.camel.", "Camel");
        components.put("com.hazelcast.", "Hazelcast");
        components.put("org.apache.tomcat.util.http.fileupload.", "multipart parsing");
        components.put("org.apache.catalina.", "Tomcat");
        components.put("org.apache.coyote.", "Tomcat");
        components.put("org.apache.tomcat.", "Tomcat");
        components.put("ch.qos.logback.", "Logback");
        components.put("org.bouncycastle.", "BouncyCastle");
        components.put("se.kurir.", "Kurir");
        return components;
    }

    /** The samples taken between {@code from} and {@code to}: the measured run, not the node's start. */
    static void print(Path recording, Instant from, Instant to, PrintStream out) throws IOException {
        Map<String, Integer> running = new TreeMap<>();
        Map<String, Integer> methods = new TreeMap<>();
        Map<String, Integer> underneath = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            running.merge(runningComponent(frames), 1, Integer::sum);
            if (!frames.isEmpty() && frames.get(0).getMethod() != null) {
                methods.merge(name(frames.get(0)), 1, Integer::sum);
            }
            frames.stream().map(FlightSummary::component).filter(c -> c != null).distinct()
                    .forEach(c -> underneath.merge(c, 1, Integer::sum));
        }
        out.printf("  %d execution samples; %-28s %8s %12s%n", samples, "component", "running", "on the stack");
        int total = Math.max(1, samples);
        running.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.printf("  %-47s %7.1f%% %11.1f%%%n", e.getKey(), 100.0 * e.getValue() / total,
                        100.0 * underneath.getOrDefault(e.getKey(), e.getValue()) / total));
        out.println("  hottest methods (top frame):");
        methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> out.printf("  %6.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        var method = frame.getMethod();
        return (method.getType() == null ? "?" : method.getType().getName()) + "." + method.getName();
    }

    private static String runningComponent(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String component = component(frame);
            if (component != null) {
                return component;
            }
        }
        return "JDK only";
    }

    private static String component(RecordedFrame frame) {
        if (frame.getMethod() == null || frame.getMethod().getType() == null) {
            return null;
        }
        String type = frame.getMethod().getType().getName();
        return COMPONENTS.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
