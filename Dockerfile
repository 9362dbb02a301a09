# One image for every part: the command chooses gateway or a subgraph
# (`node dist/bin/serve.js <name>`), so all parts run the same build (docs/operations.md).

# A supported Node LTS. Any Debian image with Node and npm stands in for the build stage, and
# any with Node for the run stage, e.g. those deploy/images/build-base-images.sh makes from
# Debian's packages when no registry is reachable (docs/compose.md):
#   docker build --build-arg NODE_IMAGE=hr-base/node-build:22-trixie \
#     --build-arg RUN_IMAGE=hr-base/node:22-trixie .
ARG NODE_IMAGE=node:22-bookworm-slim
ARG RUN_IMAGE=node:22-bookworm-slim

# Build: all dependencies and the compiler toolchain, which better-sqlite3 needs when no
# prebuilt binary matches.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The web app with Vite (the gateway serves web/dist at `/`, docs/web.md), then the
# platform's JavaScript with tsc into dist/.
RUN npm run build:web && npm run build
# Only the production dependencies go on, their native modules as built here.
RUN npm prune --omit=dev --no-audit --no-fund

# Run: Node, the compiled platform and its production dependencies; no toolchain, no sources.
FROM ${RUN_IMAGE}
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/data
# Two malloc arenas, not one per thread: about 100 MiB less resident (docs/operations.md#memory).
ENV MALLOC_ARENA_MAX=2
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/web/dist web/dist
# Mount points of the key volumes (docker-compose.yml): a new volume takes the owner and
# mode of its mount point, so the private key folders start out readable by `node` alone.
RUN mkdir -p /data /keys/issuer /keys/gateway /keys/public \
  && chown -R node:node /data /keys \
  && chmod 700 /keys/issuer /keys/gateway
USER node
# Gateway and subgraphs alike answer /health/ready on their PORT (4000 unless set).
# bin/health-check.sh asks with bash alone: starting Node for every check of every part
# costs more CPU than the parts themselves on a small machine.
HEALTHCHECK --interval=10s --timeout=5s --start-period=180s --retries=6 \
  CMD ["bash", "dist/bin/health-check.sh"]
ENTRYPOINT ["node", "dist/bin/serve.js"]
