import type { Db } from "../../data/shared/db.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";

/** An entry a bulk action may not take: its id and name, why (`reason`) and what the reason names. */
export interface Refusal {
  id: number;
  name: string;
  reason: string;
  params?: Record<string, unknown>;
}

export type BulkOutcome = { ok: true; count: number } | { ok: false; refused: Refusal[] };

class ChangedMeanwhile extends Error {}

/**
 * A staff decision repeated on several entries, in one transaction and all or
 * nothing: when `refusal` names any entry of the selection, nothing changes and
 * the staff member is told which and why. `apply` returns false when its entry
 * changed since it was read (a colleague acting at the same moment): the whole
 * transaction is rolled back and the selection checked again, to say which.
 */
export async function allOrNothing<T extends { id: number }>(
  transaction: RunInTransaction,
  ids: number[],
  steps: {
    read: (ids: number[], tx: Db) => Promise<T[]>;
    refusal: (id: number, entry: T | undefined) => Refusal | null;
    apply: (entry: T, tx: Db) => Promise<boolean>;
  },
): Promise<BulkOutcome> {
  const selected = [...new Set(ids)];
  const refusals = (entries: T[]) =>
    selected.flatMap(
      (id) =>
        steps.refusal(
          id,
          entries.find((e) => e.id === id),
        ) ?? [],
    );
  try {
    return await transaction(async (tx) => {
      const entries = await steps.read(selected, tx);
      const refused = refusals(entries);
      if (refused.length > 0) return { ok: false, refused } as const;
      for (const entry of entries) if (!(await steps.apply(entry, tx))) throw new ChangedMeanwhile();
      return { ok: true, count: entries.length } as const;
    });
  } catch (err) {
    if (!(err instanceof ChangedMeanwhile)) throw err;
    return { ok: false, refused: refusals(await transaction((tx) => steps.read(selected, tx))) };
  }
}
