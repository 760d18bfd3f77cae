// Runs after `npm install`: generates the Prisma client without network access.
// `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to name an existing
// file to skip downloading the native schema engine, which it never runs.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
