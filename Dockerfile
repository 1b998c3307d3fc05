# syntax=docker/dockerfile:1
# FaceID in a container: the same steps as the quick start (`npm install`, then the production build
# `npm run build`), run once at image build so the models are converted and the app built before any
# instance starts. The runtime image holds no compilers and runs as `node`; it keeps the dev dependencies
# because the operator commands (`npm run keys:rotate` and the like) run TypeScript through tsx.
# Written for the compose file beside it; not built on the development machines (no Docker daemon there).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source; onnxruntime-node's CPU binaries ship in the package (its
# CUDA download is skipped, as .npmrc does for local installs)
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
ENV ONNXRUNTIME_NODE_INSTALL=skip NEXT_TELEMETRY_DISABLED=1
COPY . .
# postinstall: Prisma clients, face models converted to ONNX (models/onnx/), inference worker bundle
RUN npm install
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 MALLOC_ARENA_MAX=2 PORT=3000 HOST=0.0.0.0 DATA_DIR=/data
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# what `npm start` runs once the build is current, and what the tests start (e2e/support/test-server.ts)
CMD ["node", "node_modules/next/dist/bin/next", "start", "-p", "3000", "-H", "0.0.0.0"]
