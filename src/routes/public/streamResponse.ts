import type { Response } from "express";

/** Resolves when the socket can take more, or when the client has gone. */
function drained(res: Response) {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

/**
 * Writes the chunks as they come, waiting for 'drain' whenever the socket's
 * buffer is full (backpressure), so a large download holds about one batch in
 * memory. A client that goes away stops the reading of further batches.
 */
export async function streamChunks(res: Response, chunks: AsyncGenerator<string, void, void>) {
  let gone = false;
  res.once("close", () => {
    gone = !res.writableFinished;
  });
  try {
    for await (const chunk of chunks) {
      if (gone || res.destroyed) break;
      if (!res.write(chunk)) await drained(res);
      if (gone) break;
    }
  } catch (error) {
    // Before the first byte the error page can still be sent (as a page, not as the
    // download it replaces, and not cached); afterwards only cut the download.
    if (!res.headersSent) {
      for (const header of ["Content-Type", "Content-Disposition", "Cache-Control", "Last-Modified"]) res.removeHeader(header);
      throw error;
    }
    res.destroy(error as Error);
    return;
  }
  if (!gone && !res.destroyed) res.end();
}
