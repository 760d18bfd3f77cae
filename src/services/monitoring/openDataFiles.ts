import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { rename, stat, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { createVersionedMemo, type VersionedMemo } from "../shared/versionedMemo.js";

/** A produced open-data file: plain and gzip-compressed, with what conditional GETs need. */
export interface StoredFile {
  plain: { path: string; size: number };
  gzip: { path: string; size: number };
  /** Names the register's version: equal on every instance for the same data. */
  etag: string;
  lastModified: Date | null;
}

export interface OpenDataFileSource {
  /** The version of the data the files are made of (bumped at every committed change). */
  version: () => Promise<string>;
  /** The file's content, produced from the database. */
  chunks: (name: string) => AsyncIterable<string>;
  /** When the data last changed, read together with the file. */
  lastModified: () => Promise<Date | null>;
}

/**
 * The open-data downloads, each written to disk once per version of the register
 * (plain and gzip, compressed once instead of per download) and then streamed
 * from there to every client: a download reads a file, never the register.
 * Concurrent requests under a new version wait for one production (single
 * flight). Files of older versions are deleted once the new one is complete
 * (downloads still reading them keep their open file). The folder belongs to
 * this process (a new temporary folder at each start, removed at exit), so files
 * of another database or another release are never served.
 */
export function createOpenDataFiles(source: OpenDataFileSource, parent = tmpdir()) {
  let dir: string | undefined;
  // Made at the first download: an app that never serves one leaves no folder behind.
  const folder = () => {
    if (dir) return dir;
    const made = mkdtempSync(path.join(parent, "registro-open-data-"));
    process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    return (dir = made);
  };
  const memos = new Map<string, VersionedMemo<StoredFile>>();
  let previous = new Map<string, StoredFile>();

  async function produce(name: string, version: string): Promise<StoredFile> {
    const base = path.join(folder(), `${version}-${name}`);
    const partial = `${base}.partial`;
    const gzipPartial = `${base}.gz.partial`;
    const lastModified = await source.lastModified();
    const gzip = createGzip();
    const gzipped = pipeline(gzip, createWriteStream(gzipPartial));
    gzipped.catch(() => {}); // awaited below; a failure of the plain file stops it first
    try {
      // Every chunk goes to the plain file and to the compressor, with backpressure on both.
      async function* tee() {
        for await (const chunk of source.chunks(name)) {
          if (!gzip.write(chunk)) await new Promise((resolve) => gzip.once("drain", resolve));
          yield chunk;
        }
        gzip.end();
      }
      await pipeline(Readable.from(tee()), createWriteStream(partial));
      await gzipped;
      await rename(partial, base);
      await rename(gzipPartial, `${base}.gz`);
    } catch (error) {
      gzip.destroy();
      await Promise.all([unlink(partial).catch(() => {}), unlink(gzipPartial).catch(() => {})]);
      throw error;
    }
    const [plainStat, gzipStat] = await Promise.all([stat(base), stat(`${base}.gz`)]);
    const file: StoredFile = {
      plain: { path: base, size: plainStat.size },
      gzip: { path: `${base}.gz`, size: gzipStat.size },
      etag: `"${version}-${name}"`,
      lastModified,
    };
    const old = previous.get(name);
    previous = new Map(previous).set(name, file);
    if (old && old.plain.path !== base)
      await Promise.all([unlink(old.plain.path), unlink(old.gzip.path)]).catch(() => {});
    return file;
  }

  return {
    /** The file for the register as committed now, produced first if needed. */
    async get(name: string): Promise<StoredFile> {
      const version = await source.version();
      let memo = memos.get(name);
      if (!memo) memos.set(name, (memo = createVersionedMemo((v) => produce(name, v))));
      return memo.get(version);
    },
  };
}

export type OpenDataFiles = ReturnType<typeof createOpenDataFiles>;
