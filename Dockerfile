# The Chokepoint app image (used by docker-compose.yml). Builds everything, then runs `chokepoint serve`.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
CMD ["node", "server/bin/chokepoint.js", "serve"]
