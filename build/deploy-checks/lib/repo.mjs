// Where things are, and how the manifests are rendered: by a real kustomize, never by this code.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const K8S = join(ROOT, "k8s");
export const KUSTOMIZATIONS = {
  base: "k8s/base", demo: "k8s/overlays/demo", prod: "k8s/overlays/prod", ha: "k8s/overlays/ha",
  "ha-managed-redis": "k8s/overlays/ha-managed-redis",
};
/** Secrets the overlays expect but never create, as committed examples (placeholders only). */
export const SECRET_EXAMPLES = ["k8s/overlays/prod/secret.example.yaml", "k8s/overlays/ha/secret.example.yaml"];

// kustomize: $KUSTOMIZE (a standalone kustomize binary), else the one built into kubectl (kubectl kustomize,
// kustomize v5 since kubectl 1.27), else a kustomize on the PATH. Nothing is downloaded.
function kustomizeCommand() {
  const candidates = [];
  if (process.env.KUSTOMIZE) candidates.push([process.env.KUSTOMIZE, ["build"], ["version"]]);
  candidates.push(["kubectl", ["kustomize"], ["version", "--client"]], ["kustomize", ["build"], ["version"]]);
  for (const [command, args, version] of candidates) {
    try {
      execFileSync(command, version, { stdio: "ignore" });
      return [command, args, version];
    } catch {
      // not installed: try the next one
    }
  }
  throw new Error("no kustomize found: install kubectl (1.27 or later) or kustomize 5, or set KUSTOMIZE");
}

let command;
const rendered = new Map();

/** The objects kustomize renders from one kustomization directory (relative to the repository root). */
export function render(path) {
  if (!rendered.has(path)) {
    command ??= kustomizeCommand();
    const [bin, args] = command;
    const text = execFileSync(bin, [...args, join(ROOT, path)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    rendered.set(path, parseYaml(text, path));
  }
  return rendered.get(path);
}

export function kustomizeVersion() {
  command ??= kustomizeCommand();
  return execFileSync(command[0], command[2], { encoding: "utf8" }).trim().split("\n").join("; ");
}

export function parseYaml(text, where) {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${where}: ${doc.errors.map((e) => e.message).join("; ")}`);
    return doc.toJS();
  }).filter((o) => o !== null);
}

export function readYaml(path) {
  return parseYaml(readFileSync(join(ROOT, path), "utf8"), path);
}

/** The example Secrets' data: name → stringData. */
export function secretExamples() {
  return Object.fromEntries(SECRET_EXAMPLES.flatMap((path) => readYaml(path))
    .filter((o) => o.kind === "Secret").map((o) => [o.metadata.name, o.stringData]));
}

export const id = (o) => `${o.kind}/${o.metadata?.name}`;
export const ofKind = (objects, kind) => objects.filter((o) => o.kind === kind);
export const one = (objects, kind, name) => {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? " " + name : ""}, found ${found.length}`);
  return found[0];
};

/** Pod templates of the workloads among the objects, with where they came from. */
export function podSpecs(objects) {
  return objects.filter((o) => o.spec?.template?.spec).map((o) => ({ owner: id(o), template: o.spec.template }));
}

/** A Go/Quarkus duration ("5s", "1m30s", "PT5S", or plain seconds) in seconds. */
export function seconds(value) {
  const text = String(value).trim();
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(text);
  if (iso) return (Number(iso[1] ?? 0) * 3600) + (Number(iso[2] ?? 0) * 60) + Number(iso[3] ?? 0);
  if (/^\d+$/.test(text)) return Number(text);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) throw new Error(`not a duration: ${value}`);
  const unit = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return parts.reduce((sum, [, n, u]) => sum + Number(n) * unit[u], 0);
}
