import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { TextBlock } from "../../domain/plainText.js";
import type { ShownText } from "../../domain/monitoringReport.js";
import type { Language } from "../../locales/i18n.js";
import type { FigureTable, MonitoringReportDocument } from "./monitoringReportDocument.js";

// The site's own typeface, Titillium Web (SIL Open Font License), shipped by
// Bootstrap Italia: embedded (only the glyphs used), it covers Italian accents
// and "€", which the PDF standard fonts may not.
const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve("bootstrap-italia/package.json")),
  "dist/fonts/Titillium_Web",
);
const WEIGHTS = { regular: "regular", semibold: "600", bold: "700" } as const;
let fonts: Record<keyof typeof WEIGHTS, Buffer> | undefined;
const loadFonts = () =>
  (fonts ??= Object.fromEntries(
    Object.entries(WEIGHTS).map(([name, w]) => [
      name,
      readFileSync(path.join(fontDir, `titillium-web-v10-latin-ext_latin-${w}.ttf`)),
    ]),
  ) as Record<keyof typeof WEIGHTS, Buffer>);

const LOCALE: Record<Language, string> = { it: "it-IT", en: "en-GB" };
const BLUE = "#0066cc";
const GREY = "#5d7083";
const MARGIN = 56;

type Struct = PDFKit.PDFStructureElement;
/** pdfkit's tables take these (its types lag behind): the structure parent, and a header cell's scope. */
type TaggedTable = PDFKit.Mixins.TableOptionsWithData & { structParent: Struct };
type HeaderCell = PDFKit.Mixins.CellOptions & { scope: "column" | "row" };

export interface PdfInfo {
  /** The public page's address, written under the title. */
  url: string;
  subject: string;
  author: string;
  source: string;
  /** Fixed dates make the same report give the same bytes (and so the same ETag). */
  created: Date;
  modified: Date;
}

/**
 * The PDF of a published report: the same document as its page, tagged
 * (headings, paragraphs, lists, tables with header cells), with its title
 * and language in the metadata and the Italian passages of an English report
 * marked as Italian. Page numbers are artifacts, outside the structure.
 */
export function monitoringReportPdf(report: MonitoringReportDocument, info: PdfInfo): Promise<Buffer> {
  const f = loadFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: "1.7",
    tagged: true,
    lang: LOCALE[report.lang],
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: report.title,
      Subject: info.subject,
      Author: info.author,
      CreationDate: info.created,
      ModDate: info.modified,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [name, bytes] of Object.entries(f)) doc.registerFont(name, bytes);

  const root = doc.struct("Document");
  doc.addStructure(root);
  const width = doc.page.width - 2 * MARGIN;

  const write = (type: string, text: string, font: string, size: number, options: PDFKit.Mixins.TextOptions = {}) => {
    doc.font(font).fontSize(size);
    root.add(doc.struct(type, {}, () => doc.text(text, { width, ...options })));
  };
  const heading = (level: 1 | 2 | 3 | 4, text: string) => {
    // A heading never ends a page: it goes with what follows.
    if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
    doc.moveDown(level === 4 ? 0.4 : 0.8);
    const [font, size] = ({ 1: ["bold", 22], 2: ["bold", 16], 3: ["semibold", 13], 4: ["semibold", 11] } as const)[
      level
    ];
    doc.fillColor(level === 1 ? "black" : BLUE);
    write(`H${level}`, text, font, size, { paragraphGap: 4 });
    doc.fillColor("black");
  };
  const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}, font = "regular", size = 10.5) =>
    write("P", text, font, size, { paragraphGap: 6, lineGap: 1.5, ...options });

  /** Typed text: the reader's language, or Italian marked as such. */
  const blocks = (text: ShownText) => {
    const lang = text.lang === report.lang ? undefined : LOCALE[text.lang];
    const part = doc.struct("Div", lang ? { lang } : {});
    root.add(part);
    doc.font("regular").fontSize(10.5);
    for (const block of text.blocks) writeBlock(part, block);
    part.end();
  };
  const writeBlock = (parent: Struct, block: TextBlock) => {
    if (block.kind === "paragraph") {
      parent.add(doc.struct("P", {}, () => doc.text(block.text, { width, paragraphGap: 6, lineGap: 1.5 })));
      return;
    }
    const list = doc.struct("L");
    parent.add(list);
    doc.list(block.items, { width: width - 16, structParent: list, bulletRadius: 2, paragraphGap: 3, lineGap: 1.5 });
    list.end();
    doc.moveDown(0.4);
  };

  const table = (t: FigureTable) => {
    heading(3, t.title);
    paragraph(t.caption, { paragraphGap: 4 }, "regular", 9);
    if (!t.rows.length) return paragraph(t.empty ?? "");
    const align = (i: number) => ({ align: { x: i < t.textColumns ? ("left" as const) : ("right" as const) } });
    const strong = { font: { src: "semibold" } };
    const header: HeaderCell[] = t.columns.map((text, i) => ({
      text,
      type: "TH",
      scope: "column",
      ...strong,
      ...align(i),
    }));
    const row = (cells: string[], style = {}) =>
      cells.map((text, i): PDFKit.Mixins.CellOptions | HeaderCell =>
        i === 0 ? { text, type: "TH", scope: "row", ...style } : { text, ...style, ...align(i) },
      );
    doc.font("regular").fontSize(9.5);
    const options: TaggedTable = {
      structParent: root,
      data: [header, ...t.rows.map((r) => row(r)), ...(t.total ? [row(t.total, strong)] : [])],
      defaultStyle: { border: { top: 0, left: 0, right: 0, bottom: 0.5 }, borderColor: GREY, padding: 4 },
      // Words take the room left by the numbers.
      columnStyles: (i) => ({ width: i < t.textColumns ? "*" : t.columns.length > 2 ? 72 : 110 }),
    };
    doc.table(options);
    doc.x = MARGIN;
    if (t.note) paragraph(t.note, { paragraphGap: 4 }, "regular", 9);
  };

  // Title and context.
  doc.fillColor(GREY);
  paragraph(report.project, {}, "semibold", 10);
  heading(1, report.title);
  paragraph(report.lead);
  if (report.published) paragraph(report.published, {}, "regular", 9.5);
  doc.fillColor(BLUE);
  paragraph(info.url, { link: info.url, underline: true }, "regular", 9.5);
  doc.fillColor("black");
  if (report.italianOnly) paragraph(report.labels.italianOnly, {}, "semibold", 10);

  heading(2, report.labels.summary);
  blocks(report.summary);

  heading(2, report.labels.figures);
  paragraph(report.figuresIntro, {}, "regular", 9.5);
  for (const t of report.figures) table(t);

  heading(2, report.labels.activities);
  if (!report.sections.length) paragraph(report.labels.noActivity);
  for (const s of report.sections) {
    heading(3, s.name);
    paragraph(`${report.labels.aim}: ${s.aim}`, {}, "regular", 10);
    for (const topic of s.topics) {
      heading(4, topic.title);
      blocks(topic);
    }
  }
  doc.moveDown();
  paragraph(info.source, {}, "regular", 9);
  root.end();

  pageNumbers(doc, report);
  doc.end();
  return done;
}

/** "Project — Title · 2 / 5" at the foot of every page, marked as an artifact (not content). */
function pageNumbers(doc: PDFKit.PDFDocument, report: MonitoringReportDocument) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font("regular")
      .fontSize(8.5)
      .fillColor(GREY)
      .text(`${report.title} · ${i + 1} / ${count}`, MARGIN, doc.page.height - MARGIN / 2 - 6, {
        width: doc.page.width - 2 * MARGIN,
        align: "right",
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
