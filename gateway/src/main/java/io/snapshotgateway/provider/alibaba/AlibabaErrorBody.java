package io.snapshotgateway.provider.alibaba;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The error body of every Alibaba RPC API (ECS and EDS share the POP gateway). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlibabaErrorBody(
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("HostId") String hostId,
        @JsonProperty("Code") String code,
        @JsonProperty("Message") String message,
        @JsonProperty("Recommend") String recommend) {
}
