package io.snapshotgateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The packaged jar's entry point. It turns off Quarkus's own request-target check before Quarkus starts, so that a
 * malformed target (a bad % escape, a raw {@code "} or {@code {}) reaches the gateway's router and is answered with a
 * problem document ({@code RequestTargets}) instead of an empty 400. Quarkus reads {@value #DISABLE_URI_VALIDATION}
 * once, when its HTTP recorder class loads, so it cannot be set from configuration or a start-up observer. An operator
 * who passes {@code -Dvertx.disableURIValidation=false} keeps Quarkus's empty 400. Tests and dev mode, which do not
 * call this method, set the property in pom.xml.
 */
@QuarkusMain
public final class GatewayMain {
    public static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private GatewayMain() {
    }

    public static void main(String... args) {
        if (System.getProperty(DISABLE_URI_VALIDATION) == null) {
            System.setProperty(DISABLE_URI_VALIDATION, "true");
        }
        Quarkus.run(args);
    }
}
