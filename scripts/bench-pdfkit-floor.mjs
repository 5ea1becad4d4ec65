// Typesetting floor for `npm run bench` (issue #9): a bare pdfkit script that writes the same text and
// tables as the build's Markdown, with the same fonts (Source Sans 3, Source Code Pro), page size,
// margins and font size — and nothing else: no cover, contents, bookmarks, tags, links, running
// header/footer or fitted table columns. Paragraphs go through doc.text (pdfkit's own wrapping),
// tables are rows of doc.text cells. Markdown is parsed with the parser the build uses
// (mdast-util-from-markdown + GFM), so the floor pays for parsing like the build does.
//
// Usage: node scripts/bench-pdfkit-floor.mjs IN_DIR OUT_DIR
//   IN_DIR  a build's output folder: every *.md in it (and its subfolders) is typeset
//   OUT_DIR where the PDFs go, same relative paths with .pdf
// Prints one line of JSON to stdout: { files, pages, ms } (ms: from the first import to the last write).
const started = performance.now();
const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
const path = (await import('node:path')).default;
const { createRequire } = await import('node:module');
const { markdownFiles } = await import('./bench-files.mjs');
const { default: PDFDocument } = await import('pdfkit');
const { fromMarkdown } = await import('mdast-util-from-markdown');
const { gfmFromMarkdown } = await import('mdast-util-gfm');
const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
const { toString } = await import('mdast-util-to-string');
const { gfm } = await import('micromark-extension-gfm');
const { frontmatter } = await import('micromark-extension-frontmatter');

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir) {
  process.stderr.write('Usage: node scripts/bench-pdfkit-floor.mjs IN_DIR OUT_DIR\n');
  process.exit(2);
}

// The same TTFs as src/typeset/font-files.ts, resolved the same way.
const require = createRequire(import.meta.url);
const sans = path.join(path.dirname(require.resolve('source-sans/package.json')), 'TTF');
const code = path.join(path.dirname(require.resolve('source-code-pro/package.json')), 'TTF');
const FONTS = {
  regular: readFileSync(path.join(sans, 'SourceSans3-Regular.ttf')),
  bold: readFileSync(path.join(sans, 'SourceSans3-Bold.ttf')),
  italic: readFileSync(path.join(sans, 'SourceSans3-It.ttf')),
  boldItalic: readFileSync(path.join(sans, 'SourceSans3-BoldIt.ttf')),
  mono: readFileSync(path.join(code, 'SourceCodePro-Regular.ttf')),
};

// The build's default theme (src/typeset/theme.ts): A4, margins 25/20/25/20 mm, 10.5 pt.
const MM = 72 / 25.4;
const MARGINS = { top: 25 * MM, right: 20 * MM, bottom: 25 * MM, left: 20 * MM };
const FONT_SIZE = 10.5;
const HEADING_SIZES = [0, 20, 15, 12.5, 11, 10.5, 10.5];


/** Inline content → runs of { text, font }: bold, italic and code keep their fonts; links are their text. */
function runs(nodes, font = 'regular', out = []) {
  for (const node of nodes) {
    switch (node.type) {
      case 'text': out.push({ text: node.value.replace(/\s*\n\s*/g, ' '), font }); break;
      case 'inlineCode': out.push({ text: node.value, font: 'mono' }); break;
      case 'break': out.push({ text: '\n', font }); break;
      case 'strong': runs(node.children, font === 'italic' || font === 'boldItalic' ? 'boldItalic' : 'bold', out); break;
      case 'emphasis': runs(node.children, font === 'bold' || font === 'boldItalic' ? 'boldItalic' : 'italic', out); break;
      case 'html': break;
      default: if (node.children) runs(node.children, font, out); else if (typeof node.value === 'string') out.push({ text: node.value, font });
    }
  }
  return out;
}

function writeRuns(doc, list, options = {}) {
  const parts = list.filter((r) => r.text.length > 0);
  if (parts.length === 0) return;
  parts.forEach((r, i) => doc.font(r.font).text(r.text, { ...options, continued: i < parts.length - 1 }));
}

function table(doc, node) {
  const rows = node.children.map((row) => row.children.map((cell) => toString(cell)));
  const ncols = Math.max(1, ...rows.map((r) => r.length));
  const size = FONT_SIZE * 0.9;
  const pad = 3;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // Columns share the width in proportion to their longest text (clamped), nothing cleverer.
  const weight = Array.from({ length: ncols }, (_, c) => Math.min(60, Math.max(6, ...rows.map((r) => (r[c] ?? '').length))));
  const total = weight.reduce((a, b) => a + b, 0);
  const widths = weight.map((w) => (w / total) * width);
  const xs = widths.map((_, c) => left + widths.slice(0, c).reduce((a, b) => a + b, 0));
  doc.fontSize(size);
  const drawRow = (cells, font) => {
    doc.font(font);
    const height = Math.max(...cells.map((text, c) => doc.heightOfString(text || ' ', { width: widths[c] - 2 * pad }))) + 2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (font === 'regular') drawRow(rows[0], 'bold'); // header repeated on the new page
      doc.font(font);
    }
    const y = doc.y;
    cells.forEach((text, c) => { if (text) doc.text(text, xs[c] + pad, y + pad, { width: widths[c] - 2 * pad }); });
    doc.y = y + height;
  };
  rows.forEach((cells, r) => drawRow(Array.from({ length: ncols }, (_, c) => cells[c] ?? ''), r === 0 ? 'bold' : 'regular'));
  doc.x = left;
  doc.moveDown(0.5);
}

function block(doc, node, state, indent = 0) {
  switch (node.type) {
    case 'yaml': case 'html': case 'thematicBreak': case 'definition': return;
    case 'heading':
      if (node.depth === 1 && state.content) doc.addPage();
      doc.fontSize(HEADING_SIZES[node.depth]);
      writeRuns(doc, runs(node.children, 'bold'), { indent });
      doc.fontSize(FONT_SIZE).moveDown(0.3);
      break;
    case 'paragraph':
      doc.fontSize(FONT_SIZE);
      writeRuns(doc, runs(node.children), { indent });
      doc.moveDown(0.5);
      break;
    case 'code':
      doc.fontSize(FONT_SIZE * 0.9).font('mono').text(node.value, { indent });
      doc.fontSize(FONT_SIZE).moveDown(0.5);
      break;
    case 'list':
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '• ';
        item.children.forEach((child, j) => {
          if (child.type === 'paragraph') {
            doc.fontSize(FONT_SIZE);
            writeRuns(doc, [...(j === 0 ? [{ text: marker, font: 'regular' }] : []), ...runs(child.children)], { indent: indent + 12 });
          } else block(doc, child, state, indent + 12);
        });
      });
      doc.moveDown(0.5);
      break;
    case 'table': table(doc, node); break;
    default:
      if (node.children) for (const child of node.children) block(doc, child, state, indent);
  }
  state.content = true;
}

async function typeset(markdown) {
  const root = fromMarkdown(markdown, { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] });
  const doc = new PDFDocument({ size: 'A4', margins: MARGINS, info: { Producer: 'bench-pdfkit-floor', CreationDate: new Date(0) } });
  let pages = 1;
  doc.on('pageAdded', () => pages++);
  for (const [name, bytes] of Object.entries(FONTS)) doc.registerFont(name, bytes);
  doc.font('regular').fontSize(FONT_SIZE);
  const chunks = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  const state = { content: false };
  for (const node of root.children) block(doc, node, state);
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages };
}

let pages = 0;
const files = markdownFiles(inDir);
for (const file of files) {
  const out = await typeset(readFileSync(path.join(inDir, file), 'utf8'));
  const target = path.join(outDir, file.replace(/\.md$/, '.pdf'));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, out.bytes);
  pages += out.pages;
}
process.stdout.write(`${JSON.stringify({ files: files.length, pages, ms: Math.round(performance.now() - started) })}\n`);
