package io.snapshotgateway.support;

import static io.restassured.RestAssured.given;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/** Requests to the management interface (health, metrics), which listens on its own port. */
public final class Management {
    private Management() {
    }

    public static RequestSpecification management() {
        // set by Quarkus for tests: the management interface's URL on its test port
        URI url = URI
                .create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return given().baseUri(url.getScheme() + "://" + url.getHost()).port(url.getPort()).basePath("");
    }

    /** The Prometheus scrape. */
    public static String metrics() {
        return management().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
