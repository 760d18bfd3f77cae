import type { NewsKind, NewsStatus } from "../../generated/prisma/enums.js";
import type { NewsTexts } from "../../domain/newsText.js";
import type { Db } from "../shared/db.js";

/** A news item as staff write it. */
export interface NewsData extends NewsTexts {
  kind: NewsKind;
  publishedOn: Date;
}

export interface NewImage {
  sha256: string;
  contentType: string;
  data: Uint8Array<ArrayBuffer>;
}

/** The one condition of everything public: drafts are seen by staff only. */
const PUBLISHED = { status: "PUBLISHED" } as const;
const NEWEST_FIRST = [{ publishedOn: "desc" }, { id: "desc" }] as const;
const image = { select: { sha256: true, contentType: true } } as const;

/** News and good practices, and their images (stored in PostgreSQL, one row per content). */
export function createNewsRepository(db: Db) {
  return {
    async publicPage(kind: NewsKind | undefined, take: number, skip: number) {
      const where = { ...PUBLISHED, ...(kind ? { kind } : {}) };
      const [items, total] = await Promise.all([
        db.newsItem.findMany({ where, orderBy: [...NEWEST_FIRST], take, skip, include: { image } }),
        db.newsItem.count({ where }),
      ]);
      return { items, total };
    },
    publishedBySlug(slug: string) {
      return db.newsItem.findFirst({ where: { slug, ...PUBLISHED }, include: { image } });
    },
    /** The newest published items, for the Atom feed. */
    latest(take: number) {
      return db.newsItem.findMany({ where: PUBLISHED, orderBy: [...NEWEST_FIRST], take });
    },
    async staffPage(take: number, skip: number) {
      const [items, total] = await Promise.all([
        db.newsItem.findMany({
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take,
          skip,
          select: { id: true, slug: true, kind: true, status: true, publishedOn: true, titleIt: true, updatedAt: true },
        }),
        db.newsItem.count(),
      ]);
      return { items, total };
    },
    find(id: number, tx: Db = db) {
      return tx.newsItem.findUnique({ where: { id }, include: { image } });
    },
    slugTaken(slug: string, tx: Db = db) {
      return tx.newsItem.count({ where: { slug } }).then((n) => n > 0);
    },
    create(slug: string, data: NewsData, imageId: number | null, tx: Db = db) {
      return tx.newsItem.create({ data: { slug, ...data, imageId } });
    },
    /** `imageId` undefined keeps the current image. */
    update(id: number, data: NewsData, imageId: number | null | undefined, tx: Db = db) {
      return tx.newsItem.update({ where: { id }, data: { ...data, ...(imageId === undefined ? {} : { imageId }) } });
    },
    /** Changes the state only if it is not already `status`: false when there was nothing to change. */
    async setStatus(id: number, status: NewsStatus, tx: Db = db) {
      const { count } = await tx.newsItem.updateMany({ where: { id, status: { not: status } }, data: { status } });
      return count === 1;
    },

    /** An image by the hash of its content, and whether a published item shows it. */
    async image(sha256: string) {
      const row = await db.newsImage.findUnique({
        where: { sha256 },
        select: { contentType: true, data: true, newsItems: { where: PUBLISHED, select: { id: true }, take: 1 } },
      });
      return row && { contentType: row.contentType, data: row.data, published: row.newsItems.length > 0 };
    },
    /** The same bytes uploaded twice are stored once. */
    async saveImage(image: NewImage, tx: Db = db) {
      const row = await tx.newsImage.upsert({
        where: { sha256: image.sha256 },
        create: { ...image, byteSize: image.data.byteLength },
        update: {},
        select: { id: true },
      });
      return row.id;
    },
    /** Removes an image no item shows any more. */
    async dropImageIfUnused(id: number, tx: Db = db) {
      await tx.newsImage.deleteMany({ where: { id, newsItems: { none: {} } } });
    },
  };
}

export type NewsRepository = ReturnType<typeof createNewsRepository>;
