#!/usr/bin/env bash
# `npm run bench:fed`: this gateway beside stock @apollo/gateway on the public
# federation workload (shared/bench/fed-workload, see its README). Extra
# arguments choose other scenarios of its run.sh (e.g. `hive`).
#
# The gateway runs as shipped: the JavaScript `npm run build` makes
# (platform/build.ts), started with plain node, not under tsx. It is built into
# FED_BUILD_DIR (default dist/fed-bench, git-ignored) on every run, so it is
# always the code of the checkout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
workload="${FED_WORKLOAD_DIR:-$root/../shared/bench/fed-workload}"
build="${FED_BUILD_DIR:-$root/dist/fed-bench}"
if [[ ! -x "$workload/run.sh" ]]; then
  echo "The federation workload is not at $workload (set FED_WORKLOAD_DIR)." >&2
  exit 1
fi
(cd "$root" && npm run --silent build -- "$build")
# The workload's full query is wide (about 108k by our cost rule), so the cost
# limit is raised; auth is off because the workload sends no token. Its load comes
# from one address, which stands for many clients: the per-identity cap is raised.
export GW_CMD="env PORT=4002 NODE_ENV=production LOG_LEVEL=warn GATEWAY_AUTH=off GATEWAY_MAX_COST=200000 GATEWAY_MAX_CONCURRENT_PER_IDENTITY=1000 SUPERGRAPH=$workload/supergraph.graphql node $build/gateway/src/serveSupergraph.js"
export GW_PORT=4002
exec "$workload/run.sh" custom "${@:-stock}"
