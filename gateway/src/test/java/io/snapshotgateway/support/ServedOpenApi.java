package io.snapshotgateway.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;

import io.restassured.response.Response;

/**
 * The OpenAPI document the running gateway serves ({@code /q/openapi}) as the judge of real responses: the status must
 * be one the operation declares, the media type one of its content types, every declared header present, and the body
 * valid against the declared schema (JSON Schema 2020-12 in OpenAPI 3.1's dialect, by networknt's validator, formats
 * asserted).
 *
 * <p>
 * Stricter than the document, on purpose: an object schema that lists its properties and says nothing of others is
 * read as closed, so a member the gateway sends but the document does not declare fails too (a generated client would
 * not see it). The served document itself stays open for additions.
 */
public final class ServedOpenApi {
    private static final String DOCUMENT = "https://snapshot-gateway.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DOCUMENT_MEMBERS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags");

    private final JsonNode document;
    private final SchemaRegistry registry;

    private ServedOpenApi(JsonNode served) {
        this.document = closed(served.deepCopy());
        String text;
        try {
            text = JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The document's own members are not schema keywords: known as such, they are not reported as unknown.
        Dialect openApi = Dialect.builder(Dialects.getOpenApi31()).keywords(DOCUMENT_MEMBERS.stream()
                .map(NonValidationKeyword::new).toList()).build();
        this.registry = SchemaRegistry.withDefaultDialect(openApi, builder -> builder
                .schemas(Map.of(DOCUMENT, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The document the gateway under test serves on its public port. */
    public static ServedOpenApi fetch() {
        return of(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    public static ServedOpenApi of(String document) {
        try {
            return new ServedOpenApi(JSON.readTree(document));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
    }

    /** Everything about {@code response} that the document does not allow for {@code method path}; empty if none. */
    public List<String> problems(String method, String path, Response response) {
        return problems(method, path, response.statusCode(), response.contentType(), response::getHeader,
                response.asString());
    }

    /**
     * The same for a response read some other way (e.g. from a raw socket): {@code header} gives a header's value by
     * name, or null.
     */
    public List<String> problems(String method, String path, int status, String contentType,
            Function<String, String> header, String body) {
        String operation = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
        if (document.at(operation).isMissingNode()) {
            return List.of(method + " " + path + " is not in the document");
        }
        String declared = operation + "/responses/" + status;
        if (document.at(declared).isMissingNode()) {
            return List.of(method + " " + path + " does not declare status " + status);
        }
        if (document.at(declared + "/$ref").isTextual()) {
            declared = document.at(declared + "/$ref").asText().substring(1);
        }
        List<String> problems = new ArrayList<>();
        document.at(declared + "/headers").fieldNames().forEachRemaining(name -> {
            if (header.apply(name) == null) {
                problems.add(status + " lacks the declared header " + name);
            }
        });
        JsonNode content = document.at(declared + "/content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                problems.add(status + " declares no content but has a body");
            }
            return problems;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        if (!content.has(mediaType)) {
            problems.add(status + " has media type '" + mediaType + "', not one of " + names(content));
            return problems;
        }
        problems.addAll(validate(declared + "/content/" + escape(mediaType) + "/schema", mediaType, body));
        return problems;
    }

    /** The problems of {@code body} against the component schema {@code name}; empty if it conforms. */
    public List<String> problemsAgainstSchema(String name, String body) {
        return validate("/components/schemas/" + name, "application/json", body);
    }

    /** The document as served (before it was read as closed), e.g. to look at a component. */
    public JsonNode at(String pointer) {
        return document.at(pointer);
    }

    private List<String> validate(String pointer, String mediaType, String body) {
        JsonNode instance;
        if (mediaType.endsWith("json")) {
            try {
                instance = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return List.of("the body is not JSON: " + e.getOriginalMessage());
            }
        } else {
            instance = TextNode.valueOf(body);
        }
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    /** Reads every object schema that lists its properties, and allows no others, as closed. */
    private static JsonNode closed(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
            closed(children.next());
        }
        return node;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
