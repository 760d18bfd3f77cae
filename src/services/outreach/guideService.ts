import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { renderMarkdown } from "../../domain/markdown.js";
import type { Language } from "../../locales/i18n.js";

export interface GuideSection {
  /** From the file name: "02-welfare-territoriale.md" → "welfare-territoriale". */
  id: string;
  title: string;
  html: string;
}

/**
 * The citizens' guide: Markdown files in content/guida/<lang>/, in file-name
 * order, each opening with a "# Title". Read and rendered once per language.
 */
export function createGuideService(contentDir: string) {
  const cache = new Map<Language, GuideSection[]>();
  const load = (lang: Language): GuideSection[] => {
    const dir = path.join(contentDir, "guida", lang);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".md"))
      .sort()
      .map((file) => {
        const source = readFileSync(path.join(dir, file), "utf8");
        const [, title = file, body = source] = /^#\s+(.+)\r?\n([\s\S]*)$/.exec(source) ?? [];
        return { id: file.replace(/^\d+-/, "").replace(/\.md$/, ""), title: title.trim(), html: renderMarkdown(body) };
      });
  };
  return {
    sections(lang: Language): GuideSection[] {
      let sections = cache.get(lang);
      if (!sections) cache.set(lang, (sections = load(lang)));
      return sections;
    },
  };
}

export type GuideService = ReturnType<typeof createGuideService>;
