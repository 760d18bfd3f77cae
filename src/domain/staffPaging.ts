/** Rows on one page of a staff list (applications, register, advice requests, reports). */
export const STAFF_PAGE_SIZE = 50;

/** Rows read at a time by a staff list's CSV download (services/shared/keysetBatches.ts). */
export const STAFF_EXPORT_BATCH = 500;

/** The rows after `afterId` that `where` matches, in id order: one batch of a CSV download. */
export const keysetWindow = <W>(where: W, afterId: number, take: number) => ({
  where: { AND: [where, { id: { gt: afterId } }] },
  orderBy: { id: "asc" as const },
  take,
});

/** A page of a staff list: its rows, how many match in all, which page of how many. */
export interface StaffPage<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

/** `take`/`skip` of page `page` (1 = first). */
export const pageWindow = (page: number) => ({ take: STAFF_PAGE_SIZE, skip: (page - 1) * STAFF_PAGE_SIZE });

export function staffPage<T>(items: T[], total: number, page: number): StaffPage<T> {
  return { items, total, page, pages: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)) };
}
