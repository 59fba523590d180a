// Whether NetworkPolicies let one endpoint reach another on a port, by the rules the Kubernetes documentation states:
// a pod selected by no policy of a direction is open in that direction; once selected, only what some rule of those
// policies allows gets through, on the sending side (egress) and on the receiving side (ingress) both. No network
// plugin runs here, so this is our reading of the published semantics, kept to the fields the manifests use; a
// selector field it does not know (matchExpressions, endPort) is refused rather than guessed at.
//
// An endpoint is a pod, { namespace, namespaceLabels, labels, ports: [{ name, containerPort, protocol }] }, or an
// address outside the cluster, { ip }.

const matches = (selector, labels) => {
  if (selector === undefined) return false;
  const unknown = Object.keys(selector).filter((k) => k !== "matchLabels");
  if (unknown.length > 0) throw new Error(`selector field not supported here: ${unknown}`);
  return Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
};

const ipv4 = (ip) => ip.split(".").reduce((n, octet) => (n * 256) + Number(octet), 0);
const inCidr = (ip, cidr) => {
  const [base, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(ip) / size) === Math.floor(ipv4(base) / size);
};

/** Whether a rule's peer (one entry of from/to) is the endpoint; the policy's own namespace is where podSelector looks. */
function peerMatches(peer, endpoint, policyNamespace) {
  if (peer.ipBlock) {
    return endpoint.ip !== undefined && inCidr(endpoint.ip, peer.ipBlock.cidr)
      && !(peer.ipBlock.except ?? []).some((c) => inCidr(endpoint.ip, c));
  }
  if (endpoint.ip !== undefined) return false; // selectors pick pods, never outside addresses
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, endpoint.namespaceLabels)
    : endpoint.namespace === policyNamespace;
  const podOk = peer.podSelector ? matches(peer.podSelector, endpoint.labels) : true;
  return namespaceOk && podOk;
}

/** Whether a rule's port entry admits the port: a number, or a name the destination pod gives one of its ports. */
function portMatches(entry, port, protocol, destination) {
  if (entry.endPort !== undefined) throw new Error("endPort not supported here");
  if ((entry.protocol ?? "TCP") !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === "number") return entry.port === port;
  return (destination.ports ?? []).some((p) => p.name === entry.port && p.containerPort === port
    && (p.protocol ?? "TCP") === protocol);
}

const types = (policy) => policy.spec.policyTypes ?? (policy.spec.egress ? ["Ingress", "Egress"] : ["Ingress"]);

function sideAllows(policies, direction, self, other, port, protocol, destination) {
  const field = direction === "Ingress" ? "ingress" : "egress";
  const peers = direction === "Ingress" ? "from" : "to";
  const selecting = policies.filter((p) => p.metadata.namespace === self.namespace && types(p).includes(direction)
    && matches(p.spec.podSelector, self.labels));
  if (selecting.length === 0) return true;
  return selecting.some((p) => (p.spec[field] ?? []).some((rule) =>
    ((rule[peers] ?? []).length === 0 || rule[peers].some((peer) => peerMatches(peer, other, p.metadata.namespace)))
    && ((rule.ports ?? []).length === 0 || rule.ports.some((e) => portMatches(e, port, protocol, destination)))));
}

/** Whether `from` may open a connection to `to` on `port` under the policies (all namespaces' policies, together). */
export function allows(policies, from, to, port, protocol = "TCP") {
  const egress = from.ip !== undefined || sideAllows(policies, "Egress", from, to, port, protocol, to);
  const ingress = to.ip !== undefined || sideAllows(policies, "Ingress", to, from, port, protocol, to);
  return egress && ingress;
}

/** A workload's pod as an endpoint of allows(), in the namespace it renders into. */
export function podOf(workload, namespaceLabels = {}) {
  const namespace = workload.metadata.namespace;
  const { metadata, spec } = workload.spec.template;
  return {
    namespace,
    namespaceLabels: { "kubernetes.io/metadata.name": namespace, ...namespaceLabels },
    labels: metadata.labels,
    ports: spec.containers.flatMap((c) => c.ports ?? []),
  };
}
