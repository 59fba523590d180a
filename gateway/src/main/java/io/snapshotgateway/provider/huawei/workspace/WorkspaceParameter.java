package io.snapshotgateway.provider.huawei.workspace;

import io.snapshotgateway.provider.support.VendorParameter;

/** The query parameters of Workspace {@code ListDesktopSnapshot} that the gateway sends. */
public enum WorkspaceParameter implements VendorParameter {
    OFFSET("offset"),
    LIMIT("limit"),
    SORT_FIELD("sort_field"),
    SORT_TYPE("sort_type");

    private final String wireName;

    WorkspaceParameter(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
