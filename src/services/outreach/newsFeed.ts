import { atomFeed } from "../../domain/atomFeed.js";
import { newsInLanguage, type NewsTexts } from "../../domain/newsText.js";
import type { NewsKind } from "../../generated/prisma/enums.js";
import type { Language, Translate } from "../../locales/i18n.js";

interface FeedItem extends NewsTexts {
  slug: string;
  kind: NewsKind;
  publishedOn: Date;
  updatedAt: Date;
}

/**
 * The Atom feed of `items` (published, newest first) in `lang`: an item
 * without an English version keeps its Italian text, marked xml:lang="it".
 * Addresses are absolute, from PUBLIC_BASE_URL.
 */
export function newsAtomFeed(items: FeedItem[], lang: Language, publicBaseUrl: string, t: Translate): string {
  const query = lang === "en" ? "?lang=en" : "";
  const entries = items.map((item) => {
    const text = newsInLanguage(item, lang);
    return {
      // The same id in both languages' feeds: one item, two translations.
      id: `${publicBaseUrl}/notizie/${item.slug}`,
      title: text.title,
      summary: text.summary,
      url: `${publicBaseUrl}/notizie/${item.slug}${query}`,
      published: item.publishedOn,
      // Never before its publication date (an item saved just after midnight in Rome is still "yesterday" in UTC).
      updated: item.updatedAt > item.publishedOn ? item.updatedAt : item.publishedOn,
      lang: text.lang === lang ? undefined : text.lang,
      category: { term: item.kind === "NEWS" ? "notizia" : "buona-pratica", label: t(`news.kinds.${item.kind}`) },
    };
  });
  return atomFeed({
    id: `${publicBaseUrl}/notizie/feed.xml${query}`,
    title: `${t("news.title")} – ${t("site.name")}`,
    subtitle: t("news.intro"),
    selfUrl: `${publicBaseUrl}/notizie/feed.xml${query}`,
    htmlUrl: `${publicBaseUrl}/notizie${query}`,
    lang,
    author: t("news.feedAuthor"),
    // The newest entry's update; an empty feed changes whenever it is asked for.
    updated: new Date(Math.max(...entries.map((e) => e.updated.getTime()), entries.length ? 0 : Date.now())),
    entries,
  });
}
