package io.snapshotgateway.provider.alibaba.ecs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.snapshotgateway.provider.support.VendorResponse;

/** The body of a successful ECS {@code DescribeSnapshots}: the list sits under {@code Snapshots.Snapshot}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record EcsDescribeSnapshotsResponse(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("TotalCount") Integer totalCount,
        @JsonProperty("PageNumber") Integer pageNumber,
        @JsonProperty("PageSize") Integer pageSize,
        @JsonProperty("NextToken") String nextToken,
        @JsonProperty("Snapshots") Snapshots snapshots) implements VendorResponse {

    /** The {@code {"Snapshot": [...]}} wrapper. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Snapshots(@JsonProperty("Snapshot") List<EcsSnapshot> snapshot) {
    }

    List<EcsSnapshot> items() {
        return snapshots == null || snapshots.snapshot() == null ? List.of() : snapshots.snapshot();
    }

    @Override
    public String vendorRequestId() {
        return requestId;
    }
}
