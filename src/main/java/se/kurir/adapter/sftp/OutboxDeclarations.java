package se.kurir.adapter.sftp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Finds where in the operator's route files an outbox is declared, for the error that stops the node. Camel names the
 * file and line of a mistake in a route it reads, but a route made from a template carries the template's location,
 * so the {@code templatedRoute} is looked up here: the one whose {@code outbox} parameter has the name.
 */
@Component
class OutboxDeclarations {

    private final String[] patterns;
    private final YAMLFactory yaml = new YAMLFactory();

    OutboxDeclarations(Environment environment) {
        this.patterns = environment.getProperty("camel.main.routes-include-pattern", "").split("\\s*,\\s*");
    }

    /** {@code <file>:<line>} of the outbox's templatedRoute, when a route file declares it so. */
    Optional<String> of(String outbox) {
        var resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : patterns) {
            try {
                for (Resource file : pattern.isBlank() ? new Resource[0] : resolver.getResources(pattern)) {
                    Optional<Integer> line = lineIn(file, outbox);
                    if (line.isPresent()) {
                        return Optional.of(file.getURI().getPath() + ":" + line.get());
                    }
                }
            } catch (IOException e) {
                // Unreadable here means unreadable for Camel too, which reports it on its own.
            }
        }
        return Optional.empty();
    }

    private Optional<Integer> lineIn(Resource file, String outbox) throws IOException {
        try (InputStream in = file.getInputStream(); JsonParser parser = yaml.createParser(in)) {
            int templatedRouteLine = -1;
            String name = null;
            String value = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.currentName().equals("templatedRoute")) {
                    templatedRouteLine = parser.currentTokenLocation().getLineNr();
                } else if (token == JsonToken.START_OBJECT) {
                    name = null;
                    value = null;
                } else if (token.isScalarValue() && "name".equals(parser.currentName())) {
                    name = parser.getText();
                } else if (token.isScalarValue() && "value".equals(parser.currentName())) {
                    value = parser.getText();
                }
                if (token == JsonToken.END_OBJECT && "outbox".equals(name) && outbox.equals(value)
                        && templatedRouteLine > 0) {
                    return Optional.of(templatedRouteLine);
                }
            }
        }
        return Optional.empty();
    }
}
