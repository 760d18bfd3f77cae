/**
 * Every row a query matches, `size` at a time, keyset by id: each batch is
 * one indexed statement however far the download has gone (no OFFSET), and
 * only one batch is in memory while the caller writes it out.
 */
export async function* keysetBatches<T extends { id: number }>(
  read: (afterId: number, take: number) => Promise<T[]>,
  size: number,
): AsyncGenerator<T[], void, void> {
  let after = 0;
  for (;;) {
    const batch = await read(after, size);
    if (batch.length > 0) yield batch;
    if (batch.length < size) return;
    after = batch.at(-1)!.id;
  }
}
