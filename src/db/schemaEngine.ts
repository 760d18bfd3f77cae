import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type ErrorRegistry,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";

export type { SchemaEngine, MigrationList } from "@prisma/schema-engine-wasm";

/** No table or enum is managed outside the migrations. */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type PanicHost = { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };

let loaded: Promise<EngineModule> | undefined;
/** Set by a panic: the instance is then unusable, and its bindings cannot be re-instantiated. */
let lastPanic: string | undefined;

/**
 * The package's entry imports the .wasm file as an ES module, which Node cannot
 * do, so the module is instantiated by hand, once per process.
 */
function loadEngine(): Promise<EngineModule> {
  if (lastPanic !== undefined) return Promise.reject(new Error(`schema engine panicked earlier: ${lastPanic}`));
  loaded ??= (async () => {
    // A Rust panic reports its message here just before the wasm traps. The trap
    // may surface as an uncaught "RuntimeError: unreachable", so print it too.
    (globalThis as PanicHost).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        lastPanic = message;
        console.error(`schema engine panic: ${message}`);
      },
    };
    // package.json is not exported: find the folder through the main entry.
    const folder = dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm"));
    const bindings: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const imports: WebAssembly.ModuleImports = { ...bindings };
    // The engine arms 10 s timers it never clears; unreferenced, they no longer
    // keep a finished CLI or test process alive for those 10 s.
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const wasm = readFileSync(join(folder, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}

/**
 * adapter-pg 7.10.1 rejects `"char"` columns (OID 18), which the engine's catalog
 * queries return (pg_constraint.contype), and the engine wants them typed as
 * Character, which adapter-pg never produces. The client reports them as text and
 * remembers their positions per result; the adapter wrapper then retypes them.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumns = new WeakMap<unknown[], number[]>();

function markCharColumns(result: pg.QueryResult): pg.QueryResult {
  const indices = (result.fields ?? []).flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
  for (const i of indices) result.fields[i]!.dataTypeID = TEXT_OID;
  if (indices.length > 0) charColumns.set(result.rows, indices);
  return result;
}

class CatalogClient extends pg.Client {
  // Both forms are used: the callback one by pg.Pool#query, the promise one in transactions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads
  override query(...args: any[]): any {
    const callback: unknown = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: Error | null, result?: pg.QueryResult) =>
        callback(error, result && markCharColumns(result));
      return super.query(...(args as [pg.QueryConfig]));
    }
    return (super.query(...(args as [pg.QueryConfig])) as Promise<pg.QueryResult>).then(markCharColumns);
  }
}

function retypeCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

function retypeAdapter(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => retypeCharColumns(await startTransaction(level));
  return retypeCharColumns(wholeScripts(adapter, pool));
}

/**
 * adapter-pg 7.10.1 runs a migration script by splitting it at every ";" —
 * inside comments, strings and function bodies too. PostgreSQL takes the whole
 * script as one simple query (one implicit transaction), as Prisma's native
 * engine sends it; errors still go through the adapter's own conversion.
 */
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  const convert = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script) => {
    await pool.query(script).catch(convert);
  };
  return adapter;
}

/**
 * One connection (an embedded PGlite refuses a second), opened up front and kept
 * for the engine's life. pglite-socket forgets a closed client only a moment
 * after that client sees its socket close, and meanwhile refuses a new one
 * ("Connection terminated unexpectedly"): so connecting is retried for a short
 * while, and closing waits for the socket, then one more turn of the event loop.
 */
async function openPool(url: string) {
  for (let attempt = 1; ; attempt++) {
    const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0, Client: CatalogClient });
    const socketsClosed: Array<Promise<unknown>> = [];
    pool.on("connect", (client) => socketsClosed.push(new Promise((resolve) => client.once("end", resolve))));
    pool.on("error", () => {}); // a dropped idle client must not crash the process
    const close = async () => {
      await pool.end();
      await Promise.all(socketsClosed);
      await new Promise((resolve) => setTimeout(resolve, 10));
    };
    try {
      (await pool.connect()).release();
      return { pool, close };
    } catch (error) {
      await close();
      const refused = error instanceof Error && /terminated unexpectedly|ECONNRESET/.test(error.message);
      if (!refused || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The engine never disposes the adapters it opens: the pool is closed after the engine is freed. */
function adapterFactory(connectionString: string) {
  const opened = openPool(connectionString);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => {
      const { pool } = await opened;
      return retypeAdapter(await new PrismaPg(pool).connect(), pool);
    },
    // PrismaPg's own shadow (CREATE DATABASE on the same server) leaks a pool and
    // cannot work on PGlite; diffs here run on a scratch database instead (migrate.ts).
    connectToShadowDb: () => Promise.reject(new Error("no shadow database: diff a scratch database instead")),
  };
  const close = async () => (await opened.catch(() => undefined))?.close();
  return { factory: bindMigrationAwareSqlAdapterFactory(factory), close };
}

export interface EngineOptions {
  /**
   * Prisma schema files as [path, content]. Commands that read the database take
   * the postgresqlExtensions preview feature from them; without it the extensions
   * are invisible and every diff wants to create them again.
   */
  datamodels?: Array<[string, string]> | undefined;
}

/** Runs `fn` with a schema engine connected to `connectionString`, then frees it. */
export async function withSchemaEngine<T>(
  connectionString: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  options: EngineOptions = {},
): Promise<T> {
  const { SchemaEngine } = await loadEngine();
  const adapter = adapterFactory(connectionString);
  const log = (line: string) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) console.error(line);
  };
  try {
    const engine = await SchemaEngine.new({ datamodels: options.datamodels }, log, adapter.factory);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw engineError(error, adapter.factory.errorRegistry);
  } finally {
    await adapter.close();
  }
}

/**
 * A driver error reaches JS only as "External error id#N": the original is kept
 * in the adapter's registry. A panic leaves its message in the panic registry.
 */
function engineError(error: unknown, registry: ErrorRegistry): Error {
  if (lastPanic !== undefined) return new Error(`schema engine panicked: ${lastPanic}`, { cause: error });
  const external = /External error id#(\d+)/.exec(String(error instanceof Error ? error.message : error));
  const original = external ? registry.consumeError(Number(external[1]))?.error : undefined;
  if (original instanceof Error) return original;
  if (original !== undefined) return new Error(`database error: ${JSON.stringify(original)}`, { cause: error });
  return error instanceof Error ? error : new Error(`schema engine: ${String(error)}`);
}
