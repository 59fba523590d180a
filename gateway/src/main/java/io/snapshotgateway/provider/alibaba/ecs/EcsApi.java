package io.snapshotgateway.provider.alibaba.ecs;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** The wire contract of ECS {@code DescribeSnapshots} (RPC, version 2014-05-26), signed V3 by a client filter. */
@Path("/")
interface EcsApi {
    String VERSION = "2014-05-26";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = "x-acs-action", value = "DescribeSnapshots")
    @ClientHeaderParam(name = "x-acs-version", value = VERSION)
    Uni<EcsDescribeSnapshotsResponse> describeSnapshots(@RestQuery Map<String, String> parameters);
}
