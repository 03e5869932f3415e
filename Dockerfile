# syntax=docker/dockerfile:1
# The Single Patch Order App (Probot server). Build: docker build -t single-patch-order .
# Run: see the README, "Container". test/container/dockerfile.test.ts checks this file against the package.

# --- build: compile TypeScript to dist/ ---------------------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- runtime: production dependencies and the compiled App only ---------------------------------
FROM node:24-bookworm-slim AS runtime
# HOST=0.0.0.0: Probot listens on every interface, so the container's port is reachable.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
# ioredis is a production dependency: REDIS_URL works without a download at run time.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY app.yml ./
# The image's files stay owned by root and read-only to the App, which runs as the unprivileged `node` user.
USER node
EXPOSE 3000
# Probot answers GET /ping with PONG. Slim images have no curl: node's fetch does the check.
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/main.js"]
