import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

const run = promisify(execFile);
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

const createAdmin = (args: string[], password: string) =>
  run("npx", ["tsx", "src/db/createAdminCli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: db.connectionString, ADMIN_PASSWORD: password },
  });

it("creates the first admin with the password from ADMIN_PASSWORD, audited", async () => {
  if (db.kind === "embedded") return; // the CLI would open its own embedded database
  const { stdout } = await createAdmin(["--email", "Capo@Example.org", "--name", "Capo Staff"], "Password-lunga-1");
  expect(stdout).toContain("admin capo@example.org created");
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "capo@example.org" } });
  expect(user).toMatchObject({ role: "ADMIN", name: "Capo Staff", active: true });
  expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  expect(await db.prisma.auditEntry.count({ where: { action: "user.create", entityId: String(user.id) } })).toBe(1);
  await expect(
    createAdmin(["--email", "capo@example.org", "--name", "Altro"], "Password-lunga-1"),
  ).rejects.toMatchObject({ stderr: expect.stringContaining("already exists") });
  await expect(createAdmin(["--email", "b@example.org", "--name", "B"], "corta")).rejects.toMatchObject({
    stderr: expect.stringContaining("at least 10"),
  });
}, 180_000);
