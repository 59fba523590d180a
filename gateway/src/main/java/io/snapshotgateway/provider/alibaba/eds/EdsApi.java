package io.snapshotgateway.provider.alibaba.eds;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.rest.client.reactive.ClientQueryParam;
import io.smallrye.mutiny.Uni;

/**
 * The wire contract of Elastic Desktop Service ({@code ecd}) {@code DescribeSnapshots}, version 2020-09-30, signed
 * V1 by a client filter (what the official SDK does; V3 is not confirmed for this product).
 */
@Path("/")
interface EdsApi {
    String VERSION = "2020-09-30";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ClientQueryParam(name = "Action", value = "DescribeSnapshots")
    @ClientQueryParam(name = "Version", value = VERSION)
    Uni<EdsDescribeSnapshotsResponse> describeSnapshots(@RestQuery Map<String, String> parameters);
}
