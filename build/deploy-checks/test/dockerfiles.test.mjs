// The Dockerfiles, linted by two Dockerfile linters from npm (dockerfile-utils, the validator behind the Docker
// language server, with every rule raised to a warning; and dockerfilelint), plus what our images must keep.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ROOT } from "../lib/repo.mjs";

const require = createRequire(import.meta.url);
const { validate, ValidationSeverity } = require("dockerfile-utils");

export const DOCKERFILES = [
  "gateway/src/main/docker/Dockerfile.jvm",
  "gateway/src/main/docker/Dockerfile.native-micro",
  "vendor-simulator/src/main/docker/Dockerfile.jvm",
];
// Every rule dockerfile-utils can switch on, as a warning (several are off by default).
const ALL_RULES = Object.fromEntries(["deprecatedMaintainer", "directiveCasing", "emptyContinuationLine",
  "instructionCasing", "instructionCmdMultiple", "instructionEntrypointMultiple", "instructionHealthcheckMultiple",
  "instructionJSONInSingleQuotes", "instructionWorkdirRelative"].map((rule) => [rule, ValidationSeverity.WARNING]));

const instructions = (text) => text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#")).map((l) => { const [op, ...rest] = l.split(/\s+/); return [op.toUpperCase(), rest.join(" ")]; });

for (const file of DOCKERFILES) {
  describe(file, () => {
    const text = readFileSync(join(ROOT, file), "utf8");

    test("dockerfile-utils: no finding", () => {
      assert.deepEqual(validate(text, ALL_RULES).map((d) => `line ${d.range.start.line + 1}: ${d.message}`), []);
    });

    test("dockerfilelint: no finding", () => {
      const bin = join(ROOT, "build/deploy-checks/node_modules/dockerfilelint/bin/dockerfilelint");
      const report = JSON.parse(execFileSync(process.execPath, [bin, "-o", "json", join(ROOT, file)], { encoding: "utf8" }));
      assert.deepEqual(report.files.flatMap((f) => f.issues.map((i) => `line ${i.line}: ${i.title}`)), []);
    });

    test("a pinned base image, a numeric non-root user, ports exposed", () => {
      const ops = instructions(text);
      const from = ops.filter(([op]) => op === "FROM").map(([, arg]) => arg);
      assert.equal(from.length, 1);
      assert.match(from[0], /^[\w./-]+:[\w.-]+$/);
      assert.doesNotMatch(from[0], /:latest$/);
      const users = ops.filter(([op]) => op === "USER").map(([, arg]) => arg);
      assert.match(users.at(-1), /^[1-9]\d*$/, "Kubernetes' runAsNonRoot needs a numeric user");
      const exposed = ops.filter(([op]) => op === "EXPOSE").flatMap(([, arg]) => arg.split(/\s+/));
      assert.deepEqual(exposed, file.startsWith("gateway/") ? ["8080", "9000"] : ["8089"]);
    });
  });
}

describe(".dockerignore", () => {
  test("each module's build context is an allow-list", () => {
    for (const module of ["gateway", "vendor-simulator"]) {
      const lines = readFileSync(join(ROOT, module, ".dockerignore"), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
      assert.equal(lines[0], "*", module);
      assert.ok(lines.slice(1).every((l) => l.startsWith("!target/")), module);
    }
  });
});
