// The ha overlays (issue 12): prod plus Redis for shared state, and its managed-Redis variant. What matters beyond
// "renders, validates, Pod Security" (manifests.test.mjs does that for every overlay): the gateway can reach Redis
// and nothing else can; Redis and the gateway read one password, which no manifest holds; Redis is a cache that
// cannot outgrow its pod.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { environment, expand, secretKeyRef } from "../lib/environment.mjs";
import { allows, podOf } from "../lib/networkpolicy.mjs";
import { KUSTOMIZATIONS, id, ofKind, one, podSpecs, render, secretExamples } from "../lib/repo.mjs";

const ha = () => render(KUSTOMIZATIONS.ha);
const managed = () => render(KUSTOMIZATIONS["ha-managed-redis"]);
const gateway = (objects) => one(objects, "Deployment", "snapshot-gateway");
const gatewayContainer = (objects) => gateway(objects).spec.template.spec.containers.find((c) => c.name === "snapshot-gateway");
const redis = (objects) => one(objects, "StatefulSet", "redis");
const redisContainer = (objects) => redis(objects).spec.template.spec.containers.find((c) => c.name === "redis");
const policies = (objects) => ofKind(objects, "NetworkPolicy");

/** The container's environment as the kubelet builds it, Secrets from their committed examples. */
const envOf = (objects, container) => environment(container, {
  configMaps: Object.fromEntries(ofKind(objects, "ConfigMap").map((c) => [c.metadata.name, c.data ?? {}])),
  secrets: secretExamples(),
});

/** redis-server's options as name → value ("--save", "" → { save: "" }), after the kubelet's $(VAR) expansion. */
function redisOptions(container, env = {}) {
  assert.deepEqual(container.command, ["redis-server"]);
  const args = container.args.map((a) => expand(a, env));
  const options = {};
  for (let i = 0; i < args.length; i += 2) {
    assert.match(args[i], /^--[a-z-]+$/, `argument ${i}: ${args[i]}`);
    options[args[i].slice(2)] = args[i + 1];
  }
  return options;
}

/** Bytes in a Redis memory setting (Redis's units: k/m/g are powers of 1000, kb/mb/gb of 1024) or a Kubernetes quantity. */
function bytes(value) {
  const m = /^(\d+)\s*([a-z]*)$/i.exec(String(value));
  if (!m) throw new Error(`not a size: ${value}`);
  const unit = { "": 1, b: 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3, ki: 1024, mi: 1024 ** 2, gi: 1024 ** 3 }[m[2].toLowerCase()];
  if (unit === undefined) throw new Error(`unknown unit in ${value}`);
  return Number(m[1]) * unit;
}

/**
 * Passwords written into the rendered objects: a literal --requirepass, a URL whose password is not a $(VARIABLE),
 * a password-like variable with a literal value. Empty when every password comes from a Secret.
 */
function literalPasswords(objects) {
  const found = [];
  for (const { owner, template } of podSpecs(objects)) {
    for (const c of template.spec.containers) {
      const where = `${owner} ${c.name}`;
      const args = [...(c.command ?? []), ...(c.args ?? [])];
      args.forEach((a, i) => {
        if (a === "--requirepass" && !/^\$\([\w.-]+\)$/.test(args[i + 1] ?? "")) found.push(`${where}: --requirepass ${args[i + 1]}`);
      });
      for (const v of c.env ?? []) {
        if (v.value !== undefined && /PASSWORD|PASS$|AUTH|SECRET|TOKEN/.test(v.name)) found.push(`${where}: ${v.name} has a literal value`);
        const userinfo = /:\/\/([^/@\s]*)@/.exec(v.value ?? "");
        const password = userinfo?.[1].split(":")[1];
        if (password !== undefined && !/^\$\([\w.-]+\)$/.test(password)) found.push(`${where}: ${v.name} has a password in its URL`);
      }
    }
  }
  return found;
}

describe("ha overlay", () => {
  test("is prod plus the Redis StatefulSet, its Service and its NetworkPolicy", () => {
    const prodIds = render(KUSTOMIZATIONS.prod).map(id);
    const haIds = ha().map(id);
    assert.deepEqual(haIds.filter((i) => !prodIds.includes(i)).sort(), ["NetworkPolicy/redis", "Service/redis", "StatefulSet/redis"]);
    assert.deepEqual(prodIds.filter((i) => !haIds.includes(i)), []);
    for (const o of ha()) assert.equal(o.metadata.namespace, "snapshot-gateway", id(o));
  });

  test("Redis: one pod, nothing persisted, no volume claim, a password required", () => {
    const sts = redis(ha());
    assert.equal(sts.spec.replicas, 1);
    assert.equal(sts.spec.volumeClaimTemplates, undefined);
    const options = redisOptions(redisContainer(ha()));
    assert.equal(options.save, "");
    assert.equal(options.appendonly, "no");
    assert.equal(options.dir, "/data");
    assert.match(options.requirepass, /^\$\(\w+\)$/);
  });

  test("Redis: maxmemory well below the memory limit, evicting the least recently used key when full", () => {
    const c = redisContainer(ha());
    const options = redisOptions(c);
    const limit = bytes(c.resources.limits.memory);
    assert.ok(bytes(c.resources.requests.memory) > 0);
    assert.ok(bytes(options.maxmemory) <= 0.75 * limit, `maxmemory ${options.maxmemory} is more than 75% of ${c.resources.limits.memory}`);
    assert.equal(options["maxmemory-policy"], "allkeys-lru");
  });

  test("Redis: a fixed non-root user, a read-only root, /data an emptyDir, no service account token", () => {
    const pod = redis(ha()).spec.template.spec;
    const c = redisContainer(ha());
    assert.ok(Number.isInteger(pod.securityContext.runAsUser) && pod.securityContext.runAsUser > 0);
    assert.equal(c.securityContext.readOnlyRootFilesystem, true);
    const mount = c.volumeMounts.find((m) => m.mountPath === "/data");
    assert.ok(pod.volumes.find((v) => v.name === mount.name).emptyDir);
    assert.equal(pod.automountServiceAccountToken, false);
  });

  test("Redis: the image is pinned to a tag and a digest", () => {
    assert.match(redisContainer(ha()).image, /^redis:\d+\.\d+\.\d+-alpine@sha256:[0-9a-f]{64}$/);
  });

  test("Redis: ready once an authenticated PING answers PONG; alive while it listens on its port", () => {
    const c = redisContainer(ha());
    const ready = c.readinessProbe.exec.command.join(" ");
    assert.match(ready, /redis-cli ping/);
    assert.match(ready, /grep -qx PONG/, "redis-cli exits 0 on an error reply: the answer must be checked");
    // redis-cli authenticates with REDISCLI_AUTH: the password the server requires
    assert.deepEqual(secretKeyRef(c, "REDISCLI_AUTH"), secretKeyRef(c, /^\$\((\w+)\)$/.exec(redisOptions(c).requirepass)[1]));
    assert.equal(c.livenessProbe.tcpSocket.port, "redis");
    assert.deepEqual(c.ports, [{ name: "redis", containerPort: 6379 }]);
  });

  test("the gateway's URL and Redis's password are one Secret key, filled in by the kubelet, never a literal", () => {
    const objects = ha();
    const g = gatewayContainer(objects);
    const r = redisContainer(objects);
    const gEnv = envOf(objects, g);
    const rEnv = envOf(objects, r);
    const [urlVar] = /\$\((\w+)\)/.exec(g.env.find((v) => v.name === "GATEWAY_REDIS_URL").value).slice(1);
    const [passVar] = /^\$\((\w+)\)$/.exec(redisOptions(r).requirepass).slice(1);
    const source = secretKeyRef(g, urlVar);
    assert.ok(source, `${urlVar} comes from a Secret`);
    assert.deepEqual(secretKeyRef(r, passVar), source);
    // The Secret is created out of band: not rendered, but exemplified, with a placeholder in that key.
    assert.deepEqual(ofKind(objects, "Secret"), []);
    const placeholder = secretExamples()[source.name][source.key];
    assert.match(placeholder, /^<[^<>]+>$/);
    // What each process gets once the kubelet has filled the variables in (in env order: the password first).
    assert.equal(gEnv.GATEWAY_REDIS_URL, `redis://:${placeholder}@redis:6379`);
    assert.equal(redisOptions(r, rEnv).requirepass, placeholder);
    assert.deepEqual(literalPasswords(objects), []);
  });

  test("the URL names the Service redis on its port, which leads to Redis's port", () => {
    const objects = ha();
    const url = new URL(gatewayContainer(objects).env.find((v) => v.name === "GATEWAY_REDIS_URL").value.replace(/\$\(\w+\)/, "x"));
    const svc = one(objects, "Service", url.hostname);
    const port = svc.spec.ports.find((p) => p.port === Number(url.port));
    assert.equal(url.protocol, "redis:");
    assert.ok(port, `the Service has no port ${url.port}`);
    assert.equal(redisContainer(objects).ports.find((p) => p.name === port.targetPort).containerPort, 6379);
    assert.equal(redis(objects).spec.serviceName, svc.metadata.name);
  });

  test("selectors: the gateway's select its pods and never Redis's; Redis's select Redis's only", () => {
    const objects = ha();
    const gatewayLabels = gateway(objects).spec.template.metadata.labels;
    const redisLabels = redis(objects).spec.template.metadata.labels;
    const selects = (selector, labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    const selectors = [
      ...ofKind(objects, "Service").map((s) => [id(s), s.spec.selector]),
      ...ofKind(objects, "PodDisruptionBudget").map((p) => [id(p), p.spec.selector.matchLabels]),
      ...policies(objects).map((p) => [id(p), p.spec.podSelector.matchLabels]),
      ...[gateway(objects), redis(objects)].map((w) => [id(w), w.spec.selector.matchLabels]),
      ...gateway(objects).spec.template.spec.topologySpreadConstraints.map((t) => ["spread", t.labelSelector.matchLabels]),
    ];
    for (const [owner, selector] of selectors) {
      assert.ok(Object.keys(selector).length > 0, `${owner}: an empty selector selects every pod`);
      const chosen = [selects(selector, gatewayLabels) && "gateway", selects(selector, redisLabels) && "redis"].filter(Boolean);
      assert.deepEqual(chosen, [/redis/.test(owner) ? "redis" : "gateway"], owner);
    }
  });

  describe("network: the gateway reaches Redis on 6379, nothing else reaches Redis, Redis reaches nothing", () => {
    const namespace = (name, labels = {}) => ({ namespace: name, namespaceLabels: { "kubernetes.io/metadata.name": name, ...labels } });
    const endpoints = () => {
      const objects = ha();
      const gw = podOf(gateway(objects));
      const rd = podOf(redis(objects));
      return {
        np: policies(objects), gw, rd,
        other: { ...gw, labels: { "app.kubernetes.io/name": "something-else" }, ports: [] },
        gatewayElsewhere: { ...gw, ...namespace("other", { "snapshot-gateway.io/client": "true" }) },
        prometheus: { ...namespace("monitoring"), labels: { "app.kubernetes.io/name": "prometheus" }, ports: [] },
        dns: { ...namespace("kube-system"), labels: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", containerPort: 53, protocol: "UDP" }] },
        vendor: { ip: "203.0.113.10" },
      };
    };

    test("the gateway's pods reach Redis's on 6379, and on no other port", () => {
      const { np, gw, rd } = endpoints();
      assert.equal(allows(np, gw, rd, 6379), true);
      assert.equal(allows(np, gw, rd, 6380), false);
      assert.equal(allows(np, gw, rd, 6379, "UDP"), false);
    });

    test("nothing else reaches Redis: another pod of the namespace, the gateway's labels in another namespace, Prometheus", () => {
      const { np, rd, other, gatewayElsewhere, prometheus } = endpoints();
      for (const [who, from] of Object.entries({ other, gatewayElsewhere, prometheus })) assert.equal(allows(np, from, rd, 6379), false, who);
    });

    test("Redis goes out nowhere: not to the gateway, not to DNS, not outside", () => {
      const { np, gw, rd, dns, vendor } = endpoints();
      assert.equal(allows(np, rd, gw, 8080), false);
      assert.equal(allows(np, rd, dns, 53, "UDP"), false);
      assert.equal(allows(np, rd, vendor, 443), false);
    });

    test("the gateway still reaches DNS and the vendors, and Redis's port only on Redis", () => {
      const { np, gw, dns, vendor } = endpoints();
      assert.equal(allows(np, gw, dns, 53, "UDP"), true);
      assert.equal(allows(np, gw, vendor, 443), true);
      assert.equal(allows(np, gw, vendor, 6379), false);
    });

    test("without the overlay's egress rule (prod's policy) the gateway could not reach Redis", () => {
      const { gw, rd } = endpoints();
      const prodPolicies = [...policies(render(KUSTOMIZATIONS.prod)), ...policies(ha()).filter((p) => p.metadata.name === "redis")];
      assert.equal(allows(prodPolicies, gw, rd, 6379), false);
    });
  });
});

describe("ha-managed-redis overlay", () => {
  test("no Redis of its own: ha without the StatefulSet, Service and NetworkPolicy redis", () => {
    const haIds = ha().map(id);
    const managedIds = managed().map(id);
    assert.deepEqual(haIds.filter((i) => !managedIds.includes(i)).sort(), ["NetworkPolicy/redis", "Service/redis", "StatefulSet/redis"]);
    assert.deepEqual(managedIds.filter((i) => !haIds.includes(i)), []);
  });

  test("the gateway's URL is TLS to the managed endpoint, with the password from the same Secret key", () => {
    const objects = managed();
    const g = gatewayContainer(objects);
    assert.deepEqual(secretKeyRef(g, "REDIS_PASSWORD"), secretKeyRef(gatewayContainer(ha()), "REDIS_PASSWORD"));
    const { password } = secretExamples()["snapshot-gateway-redis"];
    assert.match(envOf(objects, g).GATEWAY_REDIS_URL, new RegExp(`^rediss://:${password.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}@[^:/]+:6380$`));
    assert.deepEqual(literalPasswords(objects), []);
  });

  test("the gateway reaches the endpoint's addresses on its port, and no other address or port", () => {
    const np = policies(managed());
    const gw = podOf(gateway(managed()));
    assert.equal(allows(np, gw, { ip: "192.0.2.10" }, 6380), true);
    assert.equal(allows(np, gw, { ip: "192.0.2.10" }, 6379), false);
    assert.equal(allows(np, gw, { ip: "198.51.100.10" }, 6380), false);
  });
});

describe("the ha checks themselves", () => {
  test("a literal password is found: in --requirepass, in a URL, in a password variable", () => {
    const objects = structuredClone(ha());
    redis(objects).spec.template.spec.containers[0].args[1] = "hunter2hunter2";
    const g = gateway(objects).spec.template.spec.containers.find((c) => c.name === "snapshot-gateway");
    g.env.find((v) => v.name === "GATEWAY_REDIS_URL").value = "redis://:hunter2hunter2@redis:6379";
    g.env.find((v) => v.name === "REDIS_PASSWORD").value = "hunter2hunter2";
    assert.deepEqual(literalPasswords(objects), [
      "Deployment/snapshot-gateway snapshot-gateway: REDIS_PASSWORD has a literal value",
      "Deployment/snapshot-gateway snapshot-gateway: GATEWAY_REDIS_URL has a password in its URL",
      "StatefulSet/redis redis: --requirepass hunter2hunter2",
    ]);
  });

  test("the kubelet's expansion: only variables defined earlier, $$ a literal $", () => {
    const container = { name: "c", env: [
      { name: "URL", value: "redis://:$(PASS)@redis:6379" },
      { name: "PASS", valueFrom: { secretKeyRef: { name: "s", key: "k" } } },
      { name: "AGAIN", value: "$(PASS) $$(PASS)" },
    ] };
    const env = environment(container, { secrets: { s: { k: "pw" } } });
    assert.equal(env.URL, "redis://:$(PASS)@redis:6379");
    assert.equal(env.AGAIN, "pw $(PASS)");
    assert.throws(() => environment(container, { secrets: {} }), /Secret s is neither rendered nor exemplified/);
  });

  test("the NetworkPolicy reading: open until a policy selects a pod, then only what a rule allows", () => {
    const pod = (namespace, name, port) => ({ namespace, namespaceLabels: { "kubernetes.io/metadata.name": namespace }, labels: { app: name }, ports: [{ name: "p", containerPort: port }] });
    const a = pod("n", "a", 1000);
    const b = pod("n", "b", 2000);
    const policy = (spec) => ({ metadata: { namespace: "n", name: "x" }, spec });
    assert.equal(allows([], a, b, 2000), true);
    const deny = policy({ podSelector: { matchLabels: { app: "b" } }, policyTypes: ["Ingress"] });
    assert.equal(allows([deny], a, b, 2000), false);
    const fromA = policy({ podSelector: { matchLabels: { app: "b" } }, policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: "a" } } }], ports: [{ port: "p" }] }] });
    assert.equal(allows([fromA], a, b, 2000), true);
    assert.equal(allows([fromA], pod("m", "a", 1000), b, 2000), false, "a podSelector alone means the policy's namespace");
    assert.throws(() => allows([policy({ podSelector: { matchExpressions: [] } })], a, b, 2000), /not supported/);
  });
});
