package io.snapshotgateway.provider.huawei.workspace;

/** The public Workspace host of a region ({@code WorkspaceRegion} of the official SDK follows one pattern). */
final class WorkspaceEndpoints {
    private WorkspaceEndpoints() {
    }

    static String host(String region) {
        return "workspace." + region + ".myhuaweicloud.com";
    }
}
