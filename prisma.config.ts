import { defineConfig } from "prisma/config";

// Only `prisma generate` is run through the CLI; migrations go through
// src/db/migrate.ts (the schema engine in WebAssembly), see README.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
