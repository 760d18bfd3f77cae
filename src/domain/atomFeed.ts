/** One entry of an Atom feed; URLs are absolute. */
export interface AtomEntry {
  id: string;
  title: string;
  summary: string;
  url: string;
  published: Date;
  updated: Date;
  /** The entry's language when it differs from the feed's (an item without a translation). */
  lang?: string;
  category?: { term: string; label: string };
}

export interface AtomFeedData {
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own address (rel="self"). */
  selfUrl: string;
  /** The HTML page the feed follows (rel="alternate"). */
  htmlUrl: string;
  lang: string;
  author: string;
  /** When the feed last changed: the newest entry's update, or now when it has none. */
  updated: Date;
  entries: AtomEntry[];
}

// Characters XML 1.0 does not allow at all (control characters but tab, LF, CR;
// lone surrogates; U+FFFE/U+FFFF): dropped, or the whole feed would not parse.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlText = (s: string) =>
  s.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${xmlText(text)}</${name}>`;

function entry(e: AtomEntry): string {
  const lang = e.lang ? ` xml:lang="${xmlText(e.lang)}"` : "";
  return [
    `  <entry${lang}>`,
    `    ${element("id", e.id)}`,
    `    ${element("title", e.title, ' type="text"')}`,
    `    <link rel="alternate" type="text/html" href="${xmlText(e.url)}"/>`,
    `    ${element("published", e.published.toISOString())}`,
    `    ${element("updated", e.updated.toISOString())}`,
    ...(e.category ? [`    <category term="${xmlText(e.category.term)}" label="${xmlText(e.category.label)}"/>`] : []),
    `    ${element("summary", e.summary, ' type="text"')}`,
    `  </entry>`,
  ].join("\n");
}

/** An Atom 1.0 document (RFC 4287), every text escaped. */
export function atomFeed(feed: AtomFeedData): string {
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.lang)}">`,
    `  ${element("id", feed.id)}`,
    `  ${element("title", feed.title, ' type="text"')}`,
    `  ${element("subtitle", feed.subtitle, ' type="text"')}`,
    `  ${element("updated", feed.updated.toISOString())}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.htmlUrl)}"/>`,
    `  <author>${element("name", feed.author)}</author>`,
    ...feed.entries.map(entry),
    `</feed>`,
    "",
  ].join("\n");
}
