#!/usr/bin/env bash
# Lints an OpenAPI document with Spectral (spectral:oas) and Redocly (recommended), the versions pinned in
# package-lock.json; exits non-zero when either reports an error. ./mvnw verify runs it on the document the gateway's
# build stored (gateway/target/openapi/openapi.yaml, the one /q/openapi serves). Needs Node.js 20+ and npm.
set -euo pipefail
doc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")"
# Install only when the lock file changed since the last install (npm ci starts from scratch: ~15 s).
if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.installed-lock
fi
# Redocly: no usage reports and no update check (the build talks to package registries only).
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
# Both run, so one build shows every error; either failing fails the script.
failed=0
echo "Spectral (spectral:oas) on $doc"
npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity error "$doc" || failed=1
echo "Redocly (recommended) on $doc"
npx --no-install redocly lint --config redocly.yaml "$doc" || failed=1
if [ "$failed" != 0 ]; then
    echo "OpenAPI lint: errors above (Spectral and/or Redocly)" >&2
fi
exit "$failed"
