// Validation against the published schemas: kubernetes-models (Kubernetes' own OpenAPI document, compiled to JSON-schema
// validators) and @kubernetes-models/prometheus-operator (the operator's CRD schemas). Those validators accept fields
// the schema does not know; the TypeScript types generated from the same documents do not (excess-property checks),
// so typecheck() has the TypeScript compiler check every object against its type as well: a misspelt field fails.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const HERE = join(dirname(fileURLToPath(import.meta.url)), "..");

function modulePath(apiVersion) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  if (group.includes(".") && !group.endsWith(".k8s.io")) {
    throw new Error(`no schema for ${apiVersion}: add the kubernetes-models package of that API`);
  }
  return `kubernetes-models/${apiVersion}`;
}

/** The schema violations of one object (empty when it is valid). */
export async function schemaErrors(object) {
  const { apiVersion, kind } = object;
  let module;
  try {
    module = await import(modulePath(apiVersion));
  } catch (e) {
    return [`no schema for ${apiVersion}: ${e.message}`];
  }
  const Model = module[kind];
  if (typeof Model !== "function") return [`no schema for ${kind} in ${apiVersion}`];
  try {
    new Model(structuredClone(object)).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

/** TypeScript's verdict on the objects against their generated types: one message per problem, empty when none. */
export function typeErrors(name, objects) {
  const dir = join(HERE, ".typecheck");
  mkdirSync(dir, { recursive: true });
  const imports = new Map();
  const lines = objects.map((o, i) => {
    const type = `I${o.kind}`;
    const alias = `T${imports.size}`;
    const from = `${modulePath(o.apiVersion)}/${o.kind}`;
    const key = `${from}#${type}`;
    if (!imports.has(key)) imports.set(key, { alias, type, from });
    return `// ${o.kind}/${o.metadata?.name}\nexport const o${i}: ${imports.get(key).alias} = ${JSON.stringify(o, null, 2)};`;
  });
  const head = [...imports.values()].map((i) => `import type { ${i.type} as ${i.alias} } from "${i.from}";`);
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, [...head, ...lines].join("\n") + "\n");
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
  });
  const messages = ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.replace(HERE + "/", "")}:${line + 1}: ${text}`;
  });
  if (messages.length === 0) rmSync(file);
  return messages;
}
