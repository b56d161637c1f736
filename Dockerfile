# The Chokepoint app image (used by docker-compose.yml). Builds everything, then runs `chokepoint serve`.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
# A larger young generation: per-request garbage dies in cheap scavenges instead of full
# collections, whose pauses would show in the p99 (see README, "Performance").
CMD ["node", "--max-semi-space-size=32", "server/bin/chokepoint.js", "serve"]
