import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

// The bin runs lib/, the esbuild bundle of dist/ (scripts/bundle.mjs), which records what each output
// file holds and imports in dist/bundle-meta.json. What a command loads before it does anything is
// the static import closure of its chunk; the PDF and template machinery must stay behind a dynamic
// import, or every command pays to load it.
interface Output {
  entryPoint?: string;
  inputs: Record<string, unknown>;
  imports: Array<{ path: string; kind: string; external?: boolean }>;
}
const meta = JSON.parse(readFileSync(`${ROOT}/dist/bundle-meta.json`, 'utf8')) as { outputs: Record<string, Output> };

function chunkOf(entryPoint: string): string {
  const found = Object.entries(meta.outputs).find(([, output]) => output.entryPoint === entryPoint);
  expect(found, `no chunk for ${entryPoint}`).toBeDefined();
  return found![0];
}

/** The npm packages a chunk loads when it is imported: its static closure, bundled or external. */
function packagesLoadedBy(chunk: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stack = [chunk];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const output = meta.outputs[file]!;
    for (const input of Object.keys(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      if (name) packages.add(name);
    }
    for (const imported of output.imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) {
        if (!imported.path.startsWith('node:') && !builtinModules.includes(imported.path)) packages.add(imported.path);
      } else stack.push(imported.path);
    }
  }
  return packages;
}

describe('the bundle the bin runs', () => {
  it('loads only commander for --version and --help', () => {
    expect([...packagesLoadedBy('lib/run.js')]).toEqual(['commander']);
  });

  it('loads no PDF, font or template machinery to validate', () => {
    const loaded = packagesLoadedBy(chunkOf('dist/cli/commands/validate.js'));
    expect(loaded.has('yaml')).toBe(true);
    for (const heavy of ['pdfkit', 'fontkit', 'harfbuzzjs', 'handlebars', 'ajv']) expect(loaded.has(heavy), heavy).toBe(false);
  });

  it('loads nothing of templates, Markdown, HTML or exports to validate a programme: a warm cache\'s run is mostly start-up', () => {
    const loaded = packagesLoadedBy(chunkOf('dist/cli/commands/validate-programme.js'));
    expect(loaded.has('yaml')).toBe(true);
    // (The notes' checks are loaded when a workshop's verdict is made again: they load the Markdown parser.)
    for (const heavy of ['handlebars', 'micromark', 'mdast-util-from-markdown', 'hast-util-from-html', 'ical.js', 'csv-stringify', 'string-width']) expect(loaded.has(heavy), heavy).toBe(false);
  });

  it('loads string-width only when a code frame is drawn (making its Intl.Segmenter took 40–50 ms)', () => {
    for (const command of ['validate', 'validate-programme', 'build']) expect(packagesLoadedBy(chunkOf(`dist/cli/commands/${command}.js`)).has('string-width'), command).toBe(false);
  });

  it('loads pdfkit only when a PDF is written', () => {
    const build = packagesLoadedBy(chunkOf('dist/cli/commands/build.js'));
    expect(build.has('handlebars')).toBe(true);
    expect(build.has('pdfkit') || build.has('fontkit') || build.has('harfbuzzjs')).toBe(false);
    const pdf = packagesLoadedBy(chunkOf('dist/build/pdf-output.js'));
    expect(pdf.has('pdfkit') && pdf.has('fontkit') && pdf.has('harfbuzzjs')).toBe(true);
  });

  it('loads the HTML tree libraries only when HTML is written', () => {
    const build = packagesLoadedBy(chunkOf('dist/cli/commands/build.js'));
    expect(build.has('hast-util-to-html') || build.has('mdast-util-to-hast')).toBe(false);
    const html = packagesLoadedBy(chunkOf('dist/html/page.js'));
    expect(html.has('hast-util-to-html') && html.has('mdast-util-to-hast')).toBe(true);
  });

  it('leaves pdfkit, fontkit (one copy, shared with pdfkit) and harfbuzzjs (it reads its .wasm beside itself) in node_modules', () => {
    const bundled = new Set(Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs)));
    expect([...bundled].filter((input) => /node_modules\/(pdfkit|fontkit|harfbuzzjs)\//.test(input))).toEqual([]);
  });
});
