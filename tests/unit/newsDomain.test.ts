import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomFeed } from "../../src/domain/atomFeed.js";
import { imageTypeOf } from "../../src/domain/imageType.js";
import { newsInLanguage } from "../../src/domain/newsText.js";

describe("imageTypeOf", () => {
  it("recognises PNG, JPEG and WebP by their first bytes", () => {
    expect(imageTypeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe("image/jpeg");
    expect(imageTypeOf(Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"))).toBe("image/webp");
  });

  it("refuses everything else, however it starts to look like an image", () => {
    for (const bytes of [
      Buffer.from("GIF89a"),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from("RIFF\x24\x00\x00\x00WAVEfmt ", "latin1"),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]), // a PNG signature cut short
      Buffer.alloc(0),
    ])
      expect(imageTypeOf(bytes)).toBeNull();
  });
});

describe("atomFeed", () => {
  const date = new Date("2026-03-01T10:00:00Z");
  const feed = (title: string) =>
    atomFeed({
      id: "https://example.org/notizie/feed.xml",
      title: "Notizie",
      subtitle: "Sottotitolo",
      selfUrl: "https://example.org/notizie/feed.xml?lang=en&x=1",
      htmlUrl: "https://example.org/notizie",
      lang: "en",
      author: "Città metropolitana di Bologna",
      updated: date,
      entries: [
        {
          id: "https://example.org/notizie/a",
          title,
          summary: "S & <b>",
          url: "https://example.org/notizie/a",
          published: date,
          updated: date,
          lang: "it",
        },
      ],
    });

  it("escapes every text and drops the characters XML 1.0 does not allow, so the feed always parses", () => {
    const xml = feed('A <script>&"\u0001\u0008\uFFFF\uD800 end');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);
    expect(parsed.feed.entry.title["#text"]).toBe('A <script>&" end');
    expect(parsed.feed.entry["@xml:lang"]).toBe("it");
    expect(xml).toContain('href="https://example.org/notizie/feed.xml?lang=en&amp;x=1"');
  });
});

describe("newsInLanguage", () => {
  const item = {
    titleIt: "Titolo",
    summaryIt: "Sommario",
    bodyIt: "Testo",
    titleEn: "",
    summaryEn: "",
    bodyEn: "",
    imageAltIt: "Foto",
    imageAltEn: "",
  };

  it("falls back to Italian, saying so, when there is no English version", () => {
    expect(newsInLanguage(item, "en")).toMatchObject({ lang: "it", title: "Titolo", imageAlt: "Foto" });
    const english = { ...item, titleEn: "Title", summaryEn: "Summary", bodyEn: "Text", imageAltEn: "Photo" };
    expect(newsInLanguage(english, "en")).toMatchObject({ lang: "en", title: "Title", imageAlt: "Photo" });
    expect(newsInLanguage(english, "it")).toMatchObject({ lang: "it", title: "Titolo" });
  });
});
