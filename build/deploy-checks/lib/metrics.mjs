// The gateway's metric families as scraped from :9000/q/metrics (the names the lead engineer fixed for issue 11),
// and what alert rules and dashboards may query. A name outside this list is a typo or a metric that does not exist.
import { parser } from "@prometheus-io/lezer-promql";

export const FAMILIES = {
  snapshot_gateway_vendor_call_seconds: "histogram",
  snapshot_gateway_vendor_fetch_seconds: "histogram",
  snapshot_gateway_request_seconds: "histogram",
  snapshot_gateway_inventory_age_seconds: "gauge",
  snapshot_gateway_inventory_snapshots: "gauge",
  snapshot_gateway_inventory_bytes: "gauge",
  snapshot_gateway_inventory_last_success_timestamp_seconds: "gauge",
  snapshot_gateway_partial_answers_total: "counter",
  snapshot_gateway_problems_total: "counter",
  snapshot_gateway_vendor_retries_total: "counter",
  snapshot_gateway_vendor_throttled_total: "counter",
  snapshot_gateway_vendor_breaker_transitions_total: "counter",
  snapshot_gateway_vendor_breaker_state: "gauge",
  snapshot_gateway_normalized_empty_total: "counter",
  http_client_requests_seconds: "histogram",
};

/** Every series name a query may use: gauges and counters as they are, histograms with their three suffixes. */
export const SERIES = new Set(Object.entries(FAMILIES).flatMap(([name, type]) =>
  type === "histogram" ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name]));

export const familyOf = (series) => Object.keys(FAMILIES).find((f) => series === f || series.startsWith(f + "_"));

// Grafana's variables are not PromQL: replaced by something of the same kind before parsing.
const GRAFANA_VARIABLES = [[/\$__rate_interval|\$__interval|\$__range/g, "5m"], [/\$\{?(\w+)\}?/g, "x"]];

/** Parses a PromQL expression with Prometheus's own grammar: its syntax errors and the metric names it selects. */
export function parsePromql(expr, { grafana = false } = {}) {
  let text = expr;
  if (grafana) for (const [pattern, replacement] of GRAFANA_VARIABLES) text = text.replace(pattern, replacement);
  const tree = parser.parse(text);
  const errors = [];
  const metrics = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) errors.push(`syntax error at ${node.from}: ${JSON.stringify(text.slice(Math.max(0, node.from - 20), node.to + 20))}`);
      if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") metrics.push(text.slice(node.from, node.to));
    },
  });
  return { errors, metrics };
}
