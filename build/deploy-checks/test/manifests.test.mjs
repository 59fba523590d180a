// k8s/: base and every overlay rendered by kustomize, every object validated against its schema and type, and the
// properties the platform relies on checked on what would really be applied.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { K8S, KUSTOMIZATIONS, ROOT, SECRET_EXAMPLES, id, kustomizeVersion, ofKind, one, podSpecs, readYaml, render, seconds } from "../lib/repo.mjs";
import { restrictedViolations } from "../lib/podsecurity.mjs";
import { schemaErrors, typeErrors } from "../lib/schemas.mjs";

// What a real credential looks like, for the scan of everything under k8s/.
const CREDENTIALS = [
  [/LTAI[0-9A-Za-z]{12,}/, "an Alibaba AccessKey ID"],
  [/\bSTS\.[0-9A-Za-z]{20,}/, "an Alibaba STS token"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
  // (not an image's digest, sha256:..., which is public)
  [/(?<!sha256:)\b[0-9a-f]{64}\b/i, "a SHA-256 (an API key's hash belongs in the Secret)"],
  // a password in a URL, unless it is a $(VARIABLE) the kubelet fills in (from a Secret) or a <placeholder>
  [/:\/\/[^\s/:@]*:(?!\$\([\w.-]+\)@|<[^<>\s]+>@)[^\s/@]+@/, "a URL with a password"],
  [/\b(?:[A-Z0-9]{20})\b/, "a Huawei AK (20 capitals and digits)"],
];
const HEALTH = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };
const selects = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const gateway = (objects) => one(objects, "Deployment", "snapshot-gateway");
const gatewayContainer = (objects) => gateway(objects).spec.template.spec.containers.find((c) => c.name === "snapshot-gateway");
const configMapData = (objects) => one(objects, "ConfigMap", "snapshot-gateway").data;
// The gateway's egress beyond DNS and 443: Redis, where an overlay has it (the ha overlays' own tests say to whom).
const EXTRA_EGRESS = { ha: ["6379/TCP"], "ha-managed-redis": ["6380/TCP"] };

test(`kustomize is real: ${kustomizeVersion()}`, () => {
  assert.match(kustomizeVersion(), /v5\.|kustomize/i);
});

for (const [name, path] of Object.entries(KUSTOMIZATIONS)) {
  describe(`${name} (${path})`, () => {
    test("renders", () => {
      assert.ok(render(path).length > 0);
    });

    test("every object is valid against the Kubernetes / prometheus-operator schema", async () => {
      const problems = [];
      for (const object of render(path)) {
        for (const e of await schemaErrors(object)) problems.push(`${id(object)}: ${e}`);
      }
      assert.deepEqual(problems, []);
    });

    test("every object type-checks against its generated type (no unknown or misspelt field)", () => {
      assert.deepEqual(typeErrors(name, render(path)), []);
    });

    test("every pod is admitted by Pod Security \"restricted\"", () => {
      const pods = podSpecs(render(path));
      assert.ok(pods.length > 0);
      for (const { owner, template } of pods) assert.deepEqual(restrictedViolations(template.spec), [], owner);
    });

    test("probes: the Quarkus health paths on the gateway's named management port", () => {
      const c = gatewayContainer(render(path));
      const ports = Object.fromEntries(c.ports.map((p) => [p.name, p.containerPort]));
      assert.deepEqual(ports, { http: 8080, management: 9000 });
      for (const [probe, healthPath] of Object.entries(HEALTH)) {
        assert.equal(c[probe]?.httpGet?.path, healthPath, probe);
        assert.equal(c[probe].httpGet.port, "management", probe);
      }
    });

    test("shutdown: pre-stop sleep + shutdown delay + drain timeout fit in the grace period", () => {
      const pod = gateway(render(path)).spec.template.spec;
      const data = configMapData(render(path));
      const preStop = gatewayContainer(render(path)).lifecycle.preStop.sleep.seconds;
      const delay = seconds(data.QUARKUS_SHUTDOWN_DELAY);
      const timeout = seconds(data.QUARKUS_SHUTDOWN_TIMEOUT);
      assert.ok(preStop > 0 && delay > 0 && timeout > 0);
      // one second for the JVM to exit after the drain
      assert.ok(preStop + delay + timeout + 1 <= pod.terminationGracePeriodSeconds,
        `${preStop} + ${delay} + ${timeout} + 1 > terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds}`);
    });

    test("the public Service carries the API port only, and selects the gateway's pods", () => {
      const objects = render(path);
      const svc = one(objects, "Service", "snapshot-gateway");
      assert.deepEqual(svc.spec.ports.map((p) => p.targetPort), ["http"]);
      assert.ok(selects(svc.spec.selector, gateway(objects).spec.template.metadata.labels));
    });

    test("NetworkPolicy: API port from labelled namespaces, management from monitoring, egress DNS and 443 only (and Redis)", () => {
      const objects = render(path);
      const np = one(objects, "NetworkPolicy", "snapshot-gateway");
      const podLabels = gateway(objects).spec.template.metadata.labels;
      assert.ok(Object.keys(np.spec.podSelector.matchLabels ?? {}).length > 0, "an empty podSelector selects every pod");
      assert.ok(selects(np.spec.podSelector.matchLabels, podLabels));
      assert.deepEqual(np.spec.policyTypes, ["Ingress", "Egress"]);
      const ingress = Object.fromEntries(np.spec.ingress.map((r) => [r.ports.map((p) => p.port).join(), r.from]));
      assert.deepEqual(Object.keys(ingress).sort(), ["http", "management"]);
      assert.deepEqual(ingress.management, [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }]);
      assert.ok(ingress.http.every((peer) => peer.namespaceSelector?.matchLabels && !peer.ipBlock));
      const egress = np.spec.egress.flatMap((r) => r.ports.map((p) => `${p.port}/${p.protocol}`)).sort();
      assert.deepEqual(egress, ["443/TCP", "53/TCP", "53/UDP", ...(EXTRA_EGRESS[name] ?? [])].sort());
    });

    test("no Secret is rendered, and no credential sits in a ConfigMap", () => {
      const objects = render(path);
      assert.deepEqual(ofKind(objects, "Secret").map(id), []);
      for (const cm of ofKind(objects, "ConfigMap")) {
        for (const key of Object.keys(cm.data ?? {})) {
          assert.doesNotMatch(key, /SECRET|ACCESS_KEY|TOKEN|PASSWORD|SHA256|CURSOR_KEY/, `${id(cm)}: ${key} belongs in a Secret`);
        }
      }
    });
  });
}

describe("demo overlay", () => {
  const objects = () => render(KUSTOMIZATIONS.demo);

  test("one replica, demo profile, the simulator beside the gateway on the port the demo profile calls", () => {
    const d = gateway(objects());
    assert.equal(d.spec.replicas, 1);
    assert.equal(configMapData(objects()).QUARKUS_PROFILE, "demo");
    const sim = d.spec.template.spec.containers.find((c) => c.name === "vendor-simulator");
    const env = Object.fromEntries(sim.env.map((e) => [e.name, e.value]));
    // application.properties: the demo profile's sources call http://127.0.0.1:${simulator.port}, simulator.port=8089
    const props = readFileSync(join(ROOT, "gateway/src/main/resources/application.properties"), "utf8");
    assert.match(props, /^%dev,demo\.gateway\.sources\.sim-ecs\.endpoint=http:\/\/127\.0\.0\.1:\$\{simulator\.port\}$/m);
    const port = /^simulator\.port=(\d+)$/m.exec(props)[1];
    assert.deepEqual(env, { SIMULATOR_HOST: "127.0.0.1", SIMULATOR_PORT: port });
    assert.match(sim.image, /^vendor-simulator[:@]/);
  });

  test("no HPA, disruption budget or prometheus-operator objects (a bare demo cluster has no CRDs)", () => {
    const kinds = new Set(objects().map((o) => o.kind));
    for (const kind of ["HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor", "PrometheusRule"]) assert.ok(!kinds.has(kind), kind);
  });

  test("its namespace enforces Pod Security \"restricted\"", () => {
    const ns = one(objects(), "Namespace");
    assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
    for (const o of objects().filter((x) => x.kind !== "Namespace")) assert.equal(o.metadata.namespace, ns.metadata.name, id(o));
  });
});

describe("prod overlay", () => {
  const objects = () => render(KUSTOMIZATIONS.prod);

  test("the HPA owns the replica count; at least two replicas; the budget lets one go at a time", () => {
    const d = gateway(objects());
    assert.equal(d.spec.replicas, undefined);
    const hpa = one(objects(), "HorizontalPodAutoscaler");
    assert.deepEqual(hpa.spec.scaleTargetRef, { apiVersion: "apps/v1", kind: "Deployment", name: "snapshot-gateway" });
    assert.ok(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas >= hpa.spec.minReplicas);
    const pdb = one(objects(), "PodDisruptionBudget");
    assert.ok(selects(pdb.spec.selector.matchLabels, d.spec.template.metadata.labels));
    assert.equal(pdb.spec.maxUnavailable, 1);
  });

  test("pods spread over zones and nodes", () => {
    const pod = gateway(objects()).spec.template;
    const keys = pod.spec.topologySpreadConstraints.map((t) => t.topologyKey).sort();
    assert.deepEqual(keys, ["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
    for (const t of pod.spec.topologySpreadConstraints) assert.ok(selects(t.labelSelector.matchLabels, pod.metadata.labels));
  });

  test("credentials come from the Secret the README names", () => {
    const envFrom = gatewayContainer(objects()).envFrom;
    assert.deepEqual(envFrom.map((e) => e.secretRef?.name).filter(Boolean), ["snapshot-gateway-credentials"]);
  });

  test("the ServiceMonitor scrapes /q/metrics on the management port of a Service that selects the pods", () => {
    const sm = one(objects(), "ServiceMonitor");
    const services = ofKind(objects(), "Service").filter((s) => selects(sm.spec.selector.matchLabels, s.metadata.labels));
    assert.deepEqual(services.map(id), ["Service/snapshot-gateway-management"]);
    const [svc] = services;
    assert.ok(selects(svc.spec.selector, gateway(objects()).spec.template.metadata.labels));
    assert.deepEqual(sm.spec.endpoints.map((e) => [e.port, e.path]), [["management", "/q/metrics"]]);
    assert.deepEqual(svc.spec.ports.map((p) => [p.name, p.targetPort]), [["management", "management"]]);
  });

  test("pods also carry scrape annotations for annotation-based discovery", () => {
    const a = gateway(objects()).spec.template.metadata.annotations;
    assert.deepEqual([a["prometheus.io/scrape"], a["prometheus.io/port"], a["prometheus.io/path"]], ["true", "9000", "/q/metrics"]);
  });

  test("the Grafana dashboard ConfigMap carries the sidecar label and a dashboard", () => {
    const cm = one(objects(), "ConfigMap", "snapshot-gateway-dashboard");
    assert.equal(cm.metadata.labels.grafana_dashboard, "1");
    const dashboard = JSON.parse(cm.data["snapshot-gateway.json"]);
    assert.equal(dashboard.uid, "snapshot-gateway");
    assert.ok(dashboard.panels.length > 0);
  });

  test("the images are pinned to a tag", () => {
    for (const c of gateway(objects()).spec.template.spec.containers) assert.match(c.image, /:[\w.-]+$|@sha256:/, c.name);
    assert.doesNotMatch(gatewayContainer(objects()).image, /:latest$/);
  });
});

describe("committed files", () => {
  const files = (dir) => readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

  test("every Secret example is known to the checks and holds placeholders only", () => {
    const examples = files(K8S).filter((f) => f.endsWith("secret.example.yaml")).map((f) => relative(ROOT, f)).sort();
    assert.deepEqual(examples, [...SECRET_EXAMPLES].sort());
    for (const path of SECRET_EXAMPLES) {
      const [secret] = readYaml(path);
      assert.equal(secret.kind, "Secret", path);
      assert.equal(secret.data, undefined, path);
      for (const [key, value] of Object.entries(secret.stringData)) assert.match(value, /^<[^<>]+>$/, `${path}: ${key}`);
    }
  });

  test("nothing under k8s/ looks like a real credential", () => {
    const found = [];
    for (const file of files(K8S)) {
      const text = readFileSync(file, "utf8");
      for (const [pattern, what] of CREDENTIALS) if (pattern.test(text)) found.push(`${relative(ROOT, file)}: ${what}`);
    }
    assert.deepEqual(found, []);
  });
});

describe("the checks themselves", () => {
  test("the credential scan finds a password in a URL or a hash, not a variable, a placeholder or an image digest", () => {
    const found = (text) => CREDENTIALS.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
    assert.deepEqual(found("GATEWAY_REDIS_URL: redis://:s3cret-pw@redis:6379"), ["a URL with a password"]);
    assert.deepEqual(found("url: rediss://default:s3cret-pw@cache.example.com:6380"), ["a URL with a password"]);
    assert.deepEqual(found("value: redis://:$(REDIS_PASSWORD)@redis:6379"), []);
    assert.deepEqual(found("# redis://:<password>@redis:6379"), []);
    const hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    assert.deepEqual(found(`GATEWAY_API_KEYS_GRAFANA_SHA256: ${hash}`), ["a SHA-256 (an API key's hash belongs in the Secret)"]);
    assert.deepEqual(found(`image: redis:7.2.16-alpine@sha256:${hash}`), []);
  });

  const broken = () => {
    const d = structuredClone(gateway(render(KUSTOMIZATIONS.base)));
    d.metadata.name = "broken";
    return d;
  };

  test("the schema validators refuse a wrongly typed field", async () => {
    const d = broken();
    d.spec.template.spec.containers[0].ports[0].containerPort = "8080x";
    assert.match((await schemaErrors(d)).join(), /containerPort must be integer/);
  });

  test("the type check refuses a misspelt field", () => {
    const d = broken();
    d.spec.template.spec.securityContext.seccompProfle = d.spec.template.spec.securityContext.seccompProfile;
    delete d.spec.template.spec.securityContext.seccompProfile;
    assert.match(typeErrors("broken", [d]).join(), /'"seccompProfle"' does not exist in type 'IPodSecurityContext'/);
    rmSync(join(ROOT, "build/deploy-checks/.typecheck/broken.ts"));
  });

  test("the Pod Security check refuses a pod without a seccomp profile or with privilege escalation", () => {
    const d = broken();
    delete d.spec.template.spec.securityContext.seccompProfile;
    d.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation = true;
    assert.deepEqual(restrictedViolations(d.spec.template.spec), [
      "container snapshot-gateway: allowPrivilegeEscalation must be false",
      "container snapshot-gateway: seccompProfile.type must be RuntimeDefault or Localhost (pod or container), not undefined",
    ]);
  });
});
