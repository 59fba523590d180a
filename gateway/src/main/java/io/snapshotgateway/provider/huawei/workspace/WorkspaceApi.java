package io.snapshotgateway.provider.huawei.workspace;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/** The wire contract of Workspace {@code ListDesktopSnapshot}, signed {@code SDK-HMAC-SHA256} by a client filter. */
@Path("/v2/{project_id}/snapshots")
interface WorkspaceApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    // A RestResponse, for Workspace's request id, which is a header (X-Request-Id), not in the body.
    Uni<RestResponse<WorkspaceListSnapshotsResponse>> listSnapshots(@RestPath("project_id") String projectId,
            @RestQuery Map<String, String> parameters);
}
