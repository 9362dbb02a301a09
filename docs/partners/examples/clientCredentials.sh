# As the partner, whenever it needs a token: {"access_token": "...", "token_type": "Bearer", "expires_in": 300, "scope": "employees:read"}
curl -s "$GATEWAY/auth/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials
