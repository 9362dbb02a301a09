# One image for every part: the command chooses gateway or a subgraph
# (`tsx bin/serve.ts <name>`), so all parts run the same build.

# The web app is built with the dev dependencies (Vite), which the image leaves out;
# the gateway serves web/dist at `/` (docs/web.md).
FROM node:20-bookworm-slim AS web
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
COPY --from=web /app/web/dist web/dist
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/data
# Mount points of the key volumes (docker-compose.yml): a new volume takes the owner and
# mode of its mount point, so the private key folders start out readable by `node` alone.
RUN mkdir -p /data /keys/issuer /keys/gateway /keys/public \
  && chown -R node:node /data /keys \
  && chmod 700 /keys/issuer /keys/gateway
USER node
ENTRYPOINT ["node_modules/.bin/tsx", "bin/serve.ts"]
