package io.snapshotgateway.provider.alibaba.eds;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.snapshotgateway.provider.support.VendorResponse;

/** The body of a successful EDS {@code DescribeSnapshots}: a plain {@code Snapshots} array and a NextToken. */
@JsonIgnoreProperties(ignoreUnknown = true)
record EdsDescribeSnapshotsResponse(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("NextToken") String nextToken,
        @JsonProperty("Snapshots") List<EdsSnapshot> snapshots) implements VendorResponse {

    List<EdsSnapshot> items() {
        return snapshots == null ? List.of() : snapshots;
    }

    @Override
    public String vendorRequestId() {
        return requestId;
    }
}
