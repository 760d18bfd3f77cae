/** A block of text staff typed: a paragraph, or a list (lines that start with "- "). */
export type TextBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

const ITEM = /^\s*[-•*]\s+/;

/**
 * Plain text as blocks, for the pages and the PDF alike (no Markdown: the PDF
 * could not show it). Blank lines separate paragraphs; the lines of a
 * paragraph join with a space; consecutive lines that start with "- " (or "•",
 * "*") are a list.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      if (list.length) blocks.push({ kind: "list", items: list });
      paragraph = [];
      list = [];
    };
    for (const line of lines) {
      if (ITEM.test(line)) {
        if (paragraph.length) flush();
        list.push(line.replace(ITEM, ""));
      } else if (list.length) {
        // A line under an item continues it.
        list[list.length - 1] += ` ${line}`;
      } else paragraph.push(line);
    }
    flush();
  }
  return blocks;
}
