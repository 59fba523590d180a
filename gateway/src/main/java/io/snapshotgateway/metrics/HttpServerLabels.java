package io.snapshotgateway.metrics;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps Quarkus's {@code http_server_requests_seconds} to series the gateway's routes make, not its callers: a 404 is
 * {@code uri="NOT_FOUND"}, whatever path it was for. Quarkus keeps the path of a 404 whose request target it had to
 * normalize ({@code GET //anything}), taking the normalized path for a route template, and so makes a series per path
 * a caller makes up. The other error answers are handled by
 * {@code quarkus.micrometer.binder.http-server.suppress4xx-errors}.
 */
@Singleton
public class HttpServerLabels {
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final String NOT_FOUND = "NOT_FOUND";

    @Produces
    @Singleton
    MeterFilter notFoundIsOneSeries() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName()) || !"404".equals(id.getTag("status"))
                        || id.getTag("uri") == null || NOT_FOUND.equals(id.getTag("uri"))) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                id.getTagsAsIterable().forEach(t -> tags.add("uri".equals(t.getKey()) ? Tag.of("uri", NOT_FOUND) : t));
                return id.replaceTags(tags);
            }
        };
    }
}
