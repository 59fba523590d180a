package io.snapshotgateway.provider.support;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Makes a vendor's error message safe to show and log. Alibaba's {@code SignatureDoesNotMatch} message quotes the
 * server's string-to-sign (which holds the AccessKeyId); Huawei's signature errors can quote the canonical request.
 */
public final class VendorMessages {
    private static final Pattern SIGNING_MATERIAL = Pattern.compile(
            "(?is)(string[ _-]?to[ _-]?sign|canonical[ _-]?request|stringtosign).*");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(signature|accesskeyid|access_key_id|access|credential|securitytoken|x-auth-token|authorization)"
                    + "(\\s*[=:]\\s*)[^\\s,&\"]+");
    private static final int MAX_LENGTH = 500;

    private VendorMessages() {
    }

    /**
     * @param secrets configured credential values (key ids, secrets, tokens) to blank out wherever they appear
     */
    public static String sanitize(String message, Collection<String> secrets) {
        if (message == null) {
            return null;
        }
        String safe = SIGNING_MATERIAL.matcher(message).replaceAll("$1 [redacted]");
        safe = KEY_VALUE.matcher(safe).replaceAll("$1$2[redacted]");
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                safe = safe.replace(secret, "[redacted]");
            }
        }
        safe = safe.strip();
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) + "…" : safe;
    }
}
