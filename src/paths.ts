import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, whether running from src/ (tsx) or dist/ (tsc: dist/paths.js
 * is one level down, like src/paths.ts). The compiled server reads views/, public/,
 * content/, prisma/ (migrations, reference data) and src/locales/ from here, so
 * dist/ holds only JavaScript and a build needs nothing copied.
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
