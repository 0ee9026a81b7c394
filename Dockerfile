# One image for every qfzz service; the compose file and the Kubernetes
# manifests pick the service by its command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN VITE_CONFIG_NATIVE_IGNORE_WARNING=true npx vite build --config apps/web/vite.config.ts \
  && for app in edge cli gateway profile-projection recommender conversation trust-network; do npx tsc -p apps/$app/tsconfig.app.json || exit 1; done \
  && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production QFZZ_DATA_DIR=/data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
CMD ["node", "dist/out-tsc/apps/edge/src/main.js"]
