# A partner token for the client acme-payroll, allowed to read the directory (one hour).
TOKEN=$(npm run --silent token -- --role PARTNER --sub acme-payroll --scopes employees:read)
