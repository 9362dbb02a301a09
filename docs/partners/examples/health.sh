curl -s -w '\n' "$GATEWAY/health/live"     # {"status":"live"} while the process runs
curl -s -w '\n' "$GATEWAY/health/ready"    # 200 {"status":"ready",...}, or 503 while a required subgraph is down
curl -s "$GATEWAY/metrics" | grep -m1 '^# HELP'   # Prometheus text (see "Metrics" for where it is served)
