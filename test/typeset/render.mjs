// Dev helper (not a test): node test/typeset/render.mjs <fixture.md> <out.pdf>, after compiling src to .bench/ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
const root = new URL('../../', import.meta.url);
const { typeset } = await import(new URL('.bench/ts/typeset/index.js', root));
const { bundledFontPaths } = await import(new URL('.bench/ts/typeset/font-files.js', root));
const { resolveTheme } = await import(new URL('.bench/ts/typeset/theme.js', root));
const [src = 'test/fixtures/typeset/report.md', out = '/tmp/report.pdf'] = process.argv.slice(2);
const p = bundledFontPaths();
const fonts = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, readFileSync(v)]));
const dir = new URL(src.replace(/[^/]*$/, ''), root);
const input = {
  markdown: readFileSync(new URL(src, root), 'utf8'),
  file: 'report.md',
  theme: resolveTheme(process.env.THEME ? JSON.parse(process.env.THEME) : undefined),
  fonts,
  labels: { page: 'Page {page} of {pages}', contents: 'Contents', organizedBy: 'Organized by', withSupportOf: 'With the support of' },
  creationDate: new Date('2022-05-20T10:00:00Z'),
  loadImage: (s) => { try { return readFileSync(new URL(s, dir)); } catch { return undefined; } },
};
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = await typeset(input);
  const t1 = performance.now();
  if (i === 0) { writeFileSync(out, r.pdf); console.log('pages', r.pages, 'bytes', r.pdf.length, JSON.stringify(r.diagnostics)); }
  console.log(`run ${i}: ${(t1 - t0).toFixed(0)} ms`);
}
