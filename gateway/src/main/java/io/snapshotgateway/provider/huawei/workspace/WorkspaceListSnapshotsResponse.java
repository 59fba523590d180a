package io.snapshotgateway.provider.huawei.workspace;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a successful Workspace {@code ListDesktopSnapshot}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record WorkspaceListSnapshotsResponse(
        @JsonProperty("desktop_snapshots") List<WorkspaceSnapshot> desktopSnapshots,
        @JsonProperty("total_count") Integer totalCount) {

    List<WorkspaceSnapshot> items() {
        return desktopSnapshots == null ? List.of() : desktopSnapshots;
    }
}
