// `npm run admin:create -- --email E --name N` creates the first admin (or
// another one). The password comes from ADMIN_PASSWORD or is asked on the
// terminal, never from the command line (it would stay in the shell history).
// Uses DATABASE_URL or the embedded database, like db:seed.
import "dotenv/config";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAuditRepository } from "../data/shared/auditRepository.js";
import { createStaffRepository } from "../data/review/staffRepository.js";
import { createTransactionRunner } from "../data/shared/transaction.js";
import { createStaffService } from "../services/review/staffService.js";
import { openDatabase } from "./database.js";
import { applyMigrations } from "./migrate.js";

const inputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "--email must be an e-mail address" })),
  name: z.string().trim().min(1, "--name is required"),
  password: z.string().min(10, "the password needs at least 10 characters"),
});

/** Reads a line without echoing it when the terminal allows. */
function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.startsWith(question)) write.call(rl, s);
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const password = process.env.ADMIN_PASSWORD ?? (process.stdin.isTTY ? await askHidden("Password: ") : "");
  const input = inputSchema.safeParse({ email: values.email ?? "", name: values.name ?? "", password });
  if (!input.success) throw new Error(input.error.issues.map((i) => i.message).join("; "));

  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    embeddedDir: process.env.EMBEDDED_DB_DIR ?? "./data/pglite",
    poolSize: 2,
  });
  try {
    await applyMigrations(db.connectionString);
    const staff = createStaffService({
      staff: createStaffRepository(db.prisma),
      audit: createAuditRepository(db.prisma),
      transaction: createTransactionRunner(db.prisma),
    });
    const outcome = await staff.create(null, { ...input.data, role: "ADMIN" });
    if (!outcome.ok) throw new Error(`an account with ${input.data.email} already exists`);
    console.log(`admin ${input.data.email} created (${db.kind} database); log in at /accedi`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
