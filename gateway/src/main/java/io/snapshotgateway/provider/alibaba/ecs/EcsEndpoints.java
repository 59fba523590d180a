package io.snapshotgateway.provider.alibaba.ecs;

import java.util.Map;

/**
 * The public ECS host of a region. Most follow {@code ecs.<region>.aliyuncs.com}; the exceptions are the official
 * SDK's endpoint map (com.aliyun:ecs20140526 5.3.0).
 */
final class EcsEndpoints {
    private static final String HANGZHOU = "ecs-cn-hangzhou.aliyuncs.com";
    private static final String CENTRAL = "ecs.aliyuncs.com";
    private static final String NEBULA = "ecs.cn-qingdao-nebula.aliyuncs.com";
    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("cn-hangzhou", HANGZHOU),
            Map.entry("cn-shanghai-finance-1", HANGZHOU),
            Map.entry("cn-shenzhen-finance-1", HANGZHOU),
            Map.entry("cn-north-2-gov-1", CENTRAL),
            Map.entry("ap-northeast-2-pop", CENTRAL),
            Map.entry("cn-beijing-finance-pop", CENTRAL),
            Map.entry("cn-beijing-gov-1", CENTRAL),
            Map.entry("cn-beijing-nu16-b01", HANGZHOU),
            Map.entry("cn-edge-1", NEBULA),
            Map.entry("cn-fujian", HANGZHOU),
            Map.entry("cn-haidian-cm12-c01", HANGZHOU),
            Map.entry("cn-hangzhou-bj-b01", HANGZHOU),
            Map.entry("cn-hangzhou-finance", CENTRAL),
            Map.entry("cn-hangzhou-internal-prod-1", HANGZHOU),
            Map.entry("cn-hangzhou-internal-test-1", HANGZHOU),
            Map.entry("cn-hangzhou-internal-test-2", HANGZHOU),
            Map.entry("cn-hangzhou-internal-test-3", HANGZHOU),
            Map.entry("cn-hangzhou-test-306", HANGZHOU),
            Map.entry("cn-hongkong-finance-pop", CENTRAL),
            Map.entry("cn-huhehaote-nebula-1", NEBULA),
            Map.entry("cn-shanghai-et15-b01", HANGZHOU),
            Map.entry("cn-shanghai-et2-b01", HANGZHOU),
            Map.entry("cn-shanghai-inner", CENTRAL),
            Map.entry("cn-shanghai-internal-test-1", HANGZHOU),
            Map.entry("cn-shenzhen-inner", CENTRAL),
            Map.entry("cn-shenzhen-st4-d01", HANGZHOU),
            Map.entry("cn-shenzhen-su18-b01", HANGZHOU),
            Map.entry("cn-wuhan", CENTRAL),
            Map.entry("cn-yushanfang", CENTRAL),
            Map.entry("cn-zhangbei", CENTRAL),
            Map.entry("cn-zhangbei-na61-b01", HANGZHOU),
            Map.entry("cn-zhangjiakou-na62-a01", "ecs.cn-zhangjiakou.aliyuncs.com"),
            Map.entry("cn-zhengzhou-nebula-1", NEBULA),
            Map.entry("eu-west-1-oxs", "ecs.cn-shenzhen-cloudstone.aliyuncs.com"),
            Map.entry("rus-west-1-pop", CENTRAL));

    private EcsEndpoints() {
    }

    static String host(String region) {
        return EXCEPTIONS.getOrDefault(region, "ecs." + region + ".aliyuncs.com");
    }
}
