package io.snapshotgateway.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.aliyun.openapiutil.Client;
import com.aliyun.tea.TeaRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Alibaba's RPC front door as the official SDKs meet it at {@code /}: reads parameters from the query string (and a
 * form body), checks a V1 ({@code Signature} parameter) or V3 ({@code ACS3-HMAC-SHA256} header) signature against
 * the demo keys, and routes by {@code Version} and {@code Action}. Errors use the vendor's real body and status.
 *
 * <p>
 * Signatures are computed by Alibaba's own signing library ({@code com.aliyun:openapiutil}), never by code shared
 * with a client: a signer that is wrong the same way on both sides would otherwise pass.
 */
class AlibabaRpcSimulator implements SimulatorRoutes {
    private static final String V3_ALGORITHM = "ACS3-HMAC-SHA256";
    private static final Pattern V3_AUTH = Pattern
            .compile("ACS3-HMAC-SHA256\\s+Credential=([^,]+),\\s*SignedHeaders=([^,]+),\\s*Signature=([0-9a-fA-F]+)");

    private final SimulatorConfig config;
    private final ObjectMapper json;
    private final Map<String, RpcProduct> products = new LinkedHashMap<>();
    private final SimulatorFaults faults;

    AlibabaRpcSimulator(SimulatorConfig config, ObjectMapper json, List<RpcProduct> products,
            SimulatorFaults faults) {
        this.config = config;
        this.json = json;
        this.faults = faults;
        products.forEach(p -> this.products.put(p.version(), p));
    }

    @Override
    public void mount(io.vertx.ext.web.Router router) {
        router.route("/").handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        String productCode = EdsSimulator.VERSION.equals(firstNonNull(ctx.request().getParam("Version"),
                ctx.request().getHeader("x-acs-version"))) ? "ecd" : "ecs";
        try {
            Map<String, String> params = params(ctx);
            authenticate(ctx, params);
            String version = firstNonNull(params.get("Version"), ctx.request().getHeader("x-acs-version"));
            String action = firstNonNull(params.get("Action"), ctx.request().getHeader("x-acs-action"));
            RpcProduct product = version == null ? null : products.get(version);
            if (product == null) {
                throw new RpcErrorException(400, "InvalidVersion", "Specified parameter Version is not valid.");
            }
            faults.apply(ctx, product.providerId(), params.getOrDefault("RegionId", ""),
                    vendorErrors(ctx, requestId, productCode), () -> answer(ctx, product, action, params, requestId,
                            productCode));
        } catch (RpcErrorException e) {
            sendError(ctx, e.error(), requestId, productCode, Map.of());
        }
    }

    private void answer(RoutingContext ctx, RpcProduct product, String action, Map<String, String> params,
            String requestId, String productCode) {
        try {
            Map<String, Object> body = new LinkedHashMap<>(product.call(action, params));
            body.put("RequestId", requestId);
            send(ctx, 200, body, Map.of());
        } catch (RpcErrorException e) {
            sendError(ctx, e.error(), requestId, productCode, Map.of());
        }
    }

    /** Alibaba's own throttling (HTTP 400, Throttling.User, x-acs-retry-after in ms) and 5xx bodies. */
    private SimulatorFaults.VendorErrors vendorErrors(RoutingContext ctx, String requestId, String productCode) {
        return new SimulatorFaults.VendorErrors() {
            @Override
            public void throttle(RoutingContext c) {
                sendError(c, new RpcError(400, "Throttling.User", "Request was denied due to user flow control."),
                        requestId, productCode, Map.of("x-acs-retry-after", "2000"));
            }

            @Override
            public void serverError(RoutingContext c) {
                sendError(c, new RpcError(503, "ServiceUnavailable",
                        "The request has failed due to a temporary failure of the server."), requestId, productCode,
                        Map.of());
            }

            @Override
            public String truncatedBody() {
                return "{\"RequestId\":\"" + requestId
                        + "\",\"TotalCount\":12,\"Snapshots\":{\"Snapshot\":[{\"SnapshotId\":\"s-";
            }
        };
    }

    private void sendError(RoutingContext ctx, RpcError error, String requestId, String productCode,
            Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", productCode + ".aliyuncs.com");
        body.put("Code", error.code());
        body.put("Message", error.message());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + error.code() + "&product="
                + (productCode.equals("ecd") ? "ecd" : "Ecs"));
        send(ctx, error.status(), body, headers);
    }

    private void authenticate(RoutingContext ctx, Map<String, String> params) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(V3_ALGORITHM)) {
            verifyV3(ctx, params, authorization);
        } else if (params.containsKey("Signature")) {
            verifyV1(ctx, params);
        } else {
            throw new RpcErrorException(400, "MissingParameter", "The input parameter \"Signature\" that is mandatory "
                    + "for processing this request is not supplied.");
        }
    }

    private void verifyV1(RoutingContext ctx, Map<String, String> params) {
        checkAccessKey(params.get("AccessKeyId"));
        if (!"HMAC-SHA1".equalsIgnoreCase(params.get("SignatureMethod"))) {
            throw new RpcErrorException(400, "InvalidSignatureMethod", "Specified signature method is not valid.");
        }
        Map<String, String> signed = new LinkedHashMap<>(params);
        String presented = signed.remove("Signature");
        // The official SDK leaves empty-valued parameters out of what it signs.
        signed.values().removeIf(String::isEmpty);
        String method = ctx.request().method().name();
        if (!SignedRequests.sameText(officially(() -> Client.getRPCSignature(signed, method,
                config.accessKeySecret())), presented)) {
            throw signatureMismatch(method + "&%2F&" + new TreeMap<>(signed));
        }
    }

    private void verifyV3(RoutingContext ctx, Map<String, String> params, String authorization) {
        Matcher m = V3_AUTH.matcher(authorization);
        if (!m.find()) {
            throw new RpcErrorException(400, "IncompleteSignature",
                    "The request signature does not conform to Aliyun standards.");
        }
        checkAccessKey(m.group(1));
        String bodyHash = SignedRequests.bodySha256(ctx);
        String payloadHash = ctx.request().getHeader("x-acs-content-sha256");
        if (payloadHash != null && !payloadHash.equalsIgnoreCase(bodyHash)) {
            throw new RpcErrorException(400, "IncompleteSignature", "The request content hash does not match.");
        }
        TeaRequest request = new TeaRequest();
        request.method = ctx.request().method().name();
        request.pathname = "/";
        request.query = SignedRequests.firstValues(SignedRequests.query(ctx));
        request.headers = new LinkedHashMap<>();
        for (String name : m.group(2).split(";")) {
            // host(), not the Host header: over HTTP/2 (a client may upgrade) the host is the :authority.
            String value = name.equalsIgnoreCase("host") ? ctx.request().host() : ctx.request().getHeader(name);
            request.headers.put(name.toLowerCase(Locale.ROOT), value == null ? "" : value);
        }
        Matcher expected = V3_AUTH.matcher(officially(() -> Client.getAuthorization(request, V3_ALGORITHM, bodyHash,
                config.accessKeyId(), config.accessKeySecret())));
        if (!expected.find() || !expected.group(2).equals(m.group(2))
                || !SignedRequests.sameText(expected.group(3), m.group(3).toLowerCase(Locale.ROOT))) {
            throw signatureMismatch(request.method + "\n/\n" + request.query + "\n" + m.group(2));
        }
    }

    /** Alibaba's library declares {@code throws Exception}; for a request it fails only on a missing value. */
    private static String officially(Callable<String> signer) {
        try {
            return signer.call();
        } catch (Exception e) {
            throw new RpcErrorException(400, "IncompleteSignature",
                    "The request signature does not conform to Aliyun standards.");
        }
    }

    private void checkAccessKey(String accessKeyId) {
        if (!config.accessKeyId().equals(accessKeyId)) {
            throw new RpcErrorException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
    }

    /** The real message quotes the server's string-to-sign; the gateway must never pass it on. */
    private static RpcErrorException signatureMismatch(String stringToSign) {
        return new RpcErrorException(400, "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
    }

    private static Map<String, String> params(RoutingContext ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        SignedRequests.firstValues(SignedRequests.query(ctx)).forEach(params::putIfAbsent);
        MultiMap form = ctx.request().formAttributes();
        if (form != null) {
            form.forEach(e -> params.putIfAbsent(e.getKey(), e.getValue()));
        }
        return params;
    }

    private void send(RoutingContext ctx, int status, Map<String, Object> body, Map<String, String> headers) {
        try {
            headers.forEach(ctx.response()::putHeader);
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=utf-8")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
