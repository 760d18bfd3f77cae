import { createHash } from "node:crypto";
import type { NewsData, NewsRepository } from "../../data/outreach/newsRepository.js";
import type { AuditRepository } from "../../data/shared/auditRepository.js";
import type { Db } from "../../data/shared/db.js";
import type { RunInTransaction } from "../../data/shared/transaction.js";
import type { NewsKind, NewsStatus } from "../../generated/prisma/enums.js";
import { imageExtension, type ImageType } from "../../domain/imageType.js";
import { slugify } from "../../domain/slug.js";
import { pageWindow, staffPage } from "../../domain/staffPaging.js";
import type { I18n, Language } from "../../locales/i18n.js";
import type { Actor } from "../review/reviewService.js";
import { newsAtomFeed } from "./newsFeed.js";

/** Items on one page of /notizie. */
export const NEWS_PAGE_SIZE = 10;
/** Entries in the Atom feed: the newest. */
export const FEED_ENTRIES = 20;

/** An image whose type was read from its bytes (domain/imageType.ts) and whose size was checked. */
export interface ImageUpload {
  data: Uint8Array<ArrayBuffer>;
  contentType: ImageType;
}
/** What a save does to the item's image: a new one, none, or (undefined) the same as before. */
export type ImageChange = { upload: ImageUpload } | { remove: true } | undefined;
export type StatusOutcome = "changed" | "unchanged" | "notFound";

/** The public address of an image: its content's hash, so a new image is a new address (cached for a year). */
export const imagePath = (image: { sha256: string; contentType: string }) =>
  `/notizie/immagini/${image.sha256}.${imageExtension[image.contentType as ImageType] ?? "bin"}`;

/** News and good practices: staff write and publish them; the public reads the published ones and their feed. */
export function createNewsService(deps: {
  news: NewsRepository;
  audit: AuditRepository;
  transaction: RunInTransaction;
  publicBaseUrl: string;
  i18n: I18n;
}) {
  const { news, audit, transaction, publicBaseUrl, i18n } = deps;
  /** What the activity register keeps of an item: its texts, its date, its image's hash (never the bytes). */
  const snapshot = (d: NewsData, image: { sha256: string } | null) => ({
    kind: d.kind,
    publishedOn: d.publishedOn.toISOString().slice(0, 10),
    titleIt: d.titleIt,
    summaryIt: d.summaryIt,
    bodyIt: d.bodyIt,
    titleEn: d.titleEn,
    summaryEn: d.summaryEn,
    bodyEn: d.bodyEn,
    imageAltIt: d.imageAltIt,
    imageAltEn: d.imageAltEn,
    image: image?.sha256 ?? null,
  });

  async function uniqueSlug(title: string, tx: Db) {
    const base = slugify(title, "notizia");
    for (let n = 1; ; n += 1) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await news.slugTaken(slug, tx))) return slug;
    }
  }

  async function storeImage(upload: ImageUpload, tx: Db) {
    const sha256 = createHash("sha256").update(upload.data).digest("hex");
    return { id: await news.saveImage({ sha256, contentType: upload.contentType, data: upload.data }, tx), sha256 };
  }

  async function changeStatus(id: number, actor: Actor, status: NewsStatus): Promise<StatusOutcome> {
    return transaction(async (tx) => {
      const item = await news.find(id, tx);
      if (!item) return "notFound";
      if (!(await news.setStatus(id, status, tx))) return "unchanged";
      const action = status === "PUBLISHED" ? "news.publish" : "news.unpublish";
      await audit.change(tx, actor, action, ["NewsItem", id], { status: item.status }, { status });
      return "changed";
    });
  }

  return {
    async publicPage(kind: NewsKind | undefined, page: number) {
      const { items, total } = await news.publicPage(kind, NEWS_PAGE_SIZE, (page - 1) * NEWS_PAGE_SIZE);
      return { items, total, page, pages: Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE)) };
    },
    bySlug: (slug: string) => news.publishedBySlug(slug),

    /** The Atom feed of the newest published items, in `lang`. */
    feed: async (lang: Language) =>
      newsAtomFeed(await news.latest(FEED_ENTRIES), lang, publicBaseUrl, i18n.getFixedT(lang)),

    image: (sha256: string) => news.image(sha256),

    async staffPage(page: number) {
      const { take, skip } = pageWindow(page);
      const { items, total } = await news.staffPage(take, skip);
      return staffPage(items, total, page);
    },
    find: (id: number) => news.find(id),

    /** A new item, always a draft: publishing is a separate, audited step. */
    create(actor: Actor, data: NewsData, upload: ImageUpload | null): Promise<number> {
      return transaction(async (tx) => {
        const image = upload ? await storeImage(upload, tx) : null;
        const created = await news.create(await uniqueSlug(data.titleIt, tx), data, image?.id ?? null, tx);
        await audit.change(tx, actor, "news.create", ["NewsItem", created.id], undefined, snapshot(data, image));
        return created.id;
      });
    },

    /** False when the item does not exist. The slug never changes, so links keep working. */
    update(id: number, actor: Actor, data: NewsData, change: ImageChange): Promise<boolean> {
      return transaction(async (tx) => {
        const before = await news.find(id, tx);
        if (!before) return false;
        const image = change && "upload" in change ? await storeImage(change.upload, tx) : null;
        const imageId = change === undefined ? undefined : (image?.id ?? null);
        await news.update(id, data, imageId, tx);
        if (before.imageId !== null && imageId !== undefined && imageId !== before.imageId)
          await news.dropImageIfUnused(before.imageId, tx);
        await audit.change(
          tx,
          actor,
          "news.update",
          ["NewsItem", id],
          snapshot(before, before.image),
          snapshot(data, change === undefined ? before.image : image),
        );
        return true;
      });
    },

    publish: (id: number, actor: Actor) => changeStatus(id, actor, "PUBLISHED"),
    unpublish: (id: number, actor: Actor) => changeStatus(id, actor, "DRAFT"),
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
