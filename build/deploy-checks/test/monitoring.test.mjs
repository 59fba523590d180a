// The PrometheusRule and the Grafana dashboard: PromQL that Prometheus's own grammar parses, over metric names the
// gateway really exports (lib/metrics.mjs), and the alerts issue 11 asks for.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { KUSTOMIZATIONS, one, render } from "../lib/repo.mjs";
import { FAMILIES, SERIES, familyOf, parsePromql } from "../lib/metrics.mjs";

const prod = () => render(KUSTOMIZATIONS.prod);
const rules = () => one(prod(), "PrometheusRule").spec.groups.flatMap((g) => g.rules);
const dashboard = () => JSON.parse(one(prod(), "ConfigMap", "snapshot-gateway-dashboard").data["snapshot-gateway.json"]);
const targets = () => dashboard().panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })));

describe("PrometheusRule", () => {
  test("alerts on a stale scope, all sources failing, throttling and partial answers", () => {
    const uses = (metric) => rules().filter((r) => parsePromql(r.expr).metrics.includes(metric)).map((r) => r.alert);
    assert.ok(uses("snapshot_gateway_inventory_age_seconds").length > 0, "staleness");
    assert.ok(rules().some((r) => /type="all-sources-failed"/.test(r.expr)), "all sources failed");
    assert.ok(uses("snapshot_gateway_vendor_throttled_total").length > 0, "throttling");
    assert.ok(uses("snapshot_gateway_partial_answers_total").length > 0, "partial answers");
  });

  test("every expression parses and selects only metrics the gateway exports", () => {
    for (const rule of rules()) {
      const { errors, metrics } = parsePromql(rule.expr);
      assert.deepEqual(errors, [], rule.alert);
      assert.ok(metrics.length > 0, rule.alert);
      for (const m of metrics) assert.ok(SERIES.has(m), `${rule.alert}: ${m} is not exported`);
    }
  });

  test("every alert has a severity, a summary and a for: duration", () => {
    for (const rule of rules()) {
      assert.match(rule.labels?.severity ?? "", /^(warning|critical)$/, rule.alert);
      assert.ok(rule.annotations?.summary && rule.annotations?.description, rule.alert);
      assert.match(rule.for ?? "", /^\d+[smh]$/, rule.alert);
    }
  });

  test("the staleness thresholds stay below and at max-staleness (InventoryConfig default 10m)", () => {
    const thresholds = rules().filter((r) => parsePromql(r.expr).metrics.includes("snapshot_gateway_inventory_age_seconds"))
      .map((r) => Number(/>\s*(\d+)\s*$/.exec(r.expr.trim())[1])).sort((a, b) => a - b);
    assert.deepEqual(thresholds, [300, 600]);
  });
});

describe("Grafana dashboard", () => {
  test("every query parses and selects only metrics the gateway exports", () => {
    assert.ok(targets().length > 0);
    for (const { panel, expr } of targets()) {
      const { errors, metrics } = parsePromql(expr, { grafana: true });
      assert.deepEqual(errors, [], panel);
      for (const m of metrics) assert.ok(SERIES.has(m), `${panel}: ${m} is not exported`);
    }
  });

  test("shows every metric family the gateway exports", () => {
    const shown = new Set(targets().flatMap(({ expr }) => parsePromql(expr, { grafana: true }).metrics.map(familyOf)));
    assert.deepEqual(Object.keys(FAMILIES).filter((f) => !shown.has(f)), []);
  });

  test("histograms are read through their buckets, counters through rate or increase", () => {
    for (const { panel, expr } of targets()) {
      for (const m of parsePromql(expr, { grafana: true }).metrics) {
        const type = FAMILIES[familyOf(m)];
        if (m.endsWith("_bucket")) assert.match(expr, /histogram_quantile\(/, panel);
        if (type === "counter" || m.endsWith("_count")) assert.match(expr, /\b(rate|increase)\(/, panel);
      }
    }
  });

  test("queries are scoped by the namespace variable and use a templated data source", () => {
    for (const p of dashboard().panels.filter((x) => x.type !== "row")) {
      assert.equal(p.datasource.uid, "${datasource}", p.title);
      for (const t of p.targets) assert.match(t.expr, /namespace="\$namespace"/, p.title);
    }
  });
});
