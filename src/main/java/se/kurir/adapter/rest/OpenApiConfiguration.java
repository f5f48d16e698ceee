package se.kurir.adapter.rest;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}, committed as {@code docs/openapi.json}): the ways a caller
 * authenticates, and on every operation the problem answers (RFC 9457, {@code application/problem+json}, each with
 * its stable {@code code}) it may get besides its own. Which codes there are is {@code docs/ERROR-CODES.md}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String MUTUAL_TLS = "mutualTLS";
    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";

    /** What any call may be answered with; an operation's own answers stay as it declares them. */
    private static final Map<String, String> EVERY_CALL = Map.of(
            "400", "The request is malformed; detail names the field, code says what is wrong",
            "401", "No valid credentials (UNAUTHENTICATED, or a client certificate that is refused)",
            "403", "The caller's role or participant may not do this (FORBIDDEN, MAILBOX_FORBIDDEN, ...)",
            "503", "The node cannot take it now (the audit log or the broker is unavailable); try again");
    private static final Map<String, String> STATE_CHANGING = Map.of(
            "404", "What the call names does not exist, or is not the caller's",
            "409", "It conflicts with what is there (a message id another sender uses, a state that changed)",
            "413", "The body is larger than the product or the interface allows",
            "415", "The body is not of a media type the operation takes",
            "422", "Understood, and refused by policy: code is the rejection code (NO_AGREEMENT, ...)");

    @Bean
    OpenAPI kurirOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kurir").version("v1").description("The gateway's API for agency systems "
                        + "(messages, mailboxes, uploads, requests, subscriptions), for reviewers, auditors and "
                        + "operators. Every refusal is a problem document with a stable code (docs/ERROR-CODES.md)."))
                .servers(List.of(new Server().url("/").description("the node this document came from")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                                .description("An agency system's API key (a development option)"))
                        .addSecuritySchemes(MUTUAL_TLS, new SecurityScheme().type(SecurityScheme.Type.MUTUALTLS)
                                .description("An agency system's function certificate: the organisation number in "
                                        + "its subject names the participant"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("People: operators, reviewers, auditors"))
                        .addSchemas(PROBLEM, problem()))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .addSecurityItem(new SecurityRequirement().addList(MUTUAL_TLS))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OperationCustomizer problemAnswers() {
        return (operation, handler) -> {
            add(operation, EVERY_CALL);
            if (!handler.hasMethodAnnotation(GetMapping.class)) {
                add(operation, STATE_CHANGING);
            } else {
                add(operation, Map.of("404", STATE_CHANGING.get("404")));
            }
            return operation;
        };
    }

    private static void add(Operation operation, Map<String, String> answers) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        answers.forEach((status, description) -> responses.computeIfAbsent(status, s -> new ApiResponse()
                .description(description).content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        operation.setResponses(responses);
    }

    private static Schema<?> problem() {
        return new ObjectSchema().description("A refusal (RFC 9457)")
                .addProperty("type", new StringSchema().description("urn:kurir:problem:<code>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What was refused, naming the field"))
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("The stable code (docs/ERROR-CODES.md)"))
                .required(List.of("type", "status", "code"));
    }
}
