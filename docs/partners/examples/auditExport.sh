# As an AUDITOR (a PARTNER token is refused with 403 FORBIDDEN): one JSON line per entry.
curl -s "$GATEWAY/audit/export?format=ndjson&from=2026-01-01T00:00:00Z" \
  -H "authorization: Bearer $AUDITOR_TOKEN"
