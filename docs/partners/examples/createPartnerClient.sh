# As an ADMIN, once per partner: the answer holds the client's id and its secret, shown this once.
curl -s "$GATEWAY/graphql" -H "authorization: Bearer $ADMIN_TOKEN" -H 'content-type: application/json' \
  -d '{"query":"mutation { createPartnerClient(input: {name: \"Acme Payroll\", scopes: [\"employees:read\"], quotaRequests: 600, quotaCost: 1000000}) { client { id scopes quotaRequests quotaCost } clientSecret } }"}'
