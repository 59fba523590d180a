package io.snapshotgateway.provider.huawei;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The error body of Huawei Cloud APIs: {@code error_code}/{@code error_msg} from API Gateway and most services,
 * {@code code}/{@code message} from some, and a nested {@code {"error":{"code","message"}}} from IAM. {@link #code()}
 * and {@link #message()} look in that order, as the official SDK does.
 */
public record HuaweiErrorBody(
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("error_msg") String errorMsg,
        @JsonProperty("error_detail") Object errorDetail,
        @JsonProperty("encoded_authorization_message") String encodedAuthorizationMessage,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("code") Object plainCode,
        @JsonProperty("message") Object plainMessage,
        @JsonAnySetter Map<String, Object> other) {

    public HuaweiErrorBody {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** The vendor's error code, or null when the body holds none. */
    public String code() {
        if (errorCode != null) {
            return errorCode;
        }
        if (plainCode != null) {
            return String.valueOf(plainCode);
        }
        return nested("code");
    }

    /** The vendor's message (unsanitized), or null. */
    public String message() {
        if (errorCode != null) {
            return errorMsg;
        }
        if (plainCode != null) {
            return plainMessage == null ? null : String.valueOf(plainMessage);
        }
        return nested("message");
    }

    private String nested(String key) {
        for (Object value : other.values()) {
            if (value instanceof Map<?, ?> map && map.get("code") != null) {
                Object found = map.get(key);
                return found == null ? null : String.valueOf(found);
            }
        }
        return null;
    }
}
