// Bundles the compiled program (dist/, from tsc) into lib/, the code the bin runs: one file per entry
// point plus shared chunks, instead of the ~400 modules of dist/ and node_modules that Node would
// otherwise resolve and load one by one. Measured: `validate` of the example 0.34 s → 0.22 s.
//
// - Dynamic imports stay lazy (splitting): `--version` and `validate` never load the PDF chunk.
// - pdfkit, fontkit and harfbuzzjs stay in node_modules: pdfkit and harfbuzzjs read their data files
//   (harfbuzz.wasm) next to themselves, and pdfkit loads fontkit, which must stay one copy (the
//   typesetter hands pdfkit its parsed fonts).
// - Everything lib/ reads at run time is found as from dist/: the package root is one level up
//   (src/assets.ts), the workers sit next to the chunks under the same names as in dist/build/, and the
//   two generated files read next to their module are copied here.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
rmSync(new URL('../lib/', import.meta.url), { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    run: 'dist/cli/run.js',
    'v8-flags': 'dist/cli/v8-flags.js',
    'parse-worker': 'dist/build/parse-worker.js',
    'typeset-worker': 'dist/build/typeset-worker.js',
    'docx-worker': 'dist/build/writers/docx-worker.js',
    'programme-worker': 'dist/build/programme-worker.js',
    api: 'dist/api.js',
  },
  outdir: 'lib',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfkit', 'fontkit', 'harfbuzzjs'],
  // CommonJS dependencies (commander, handlebars, yaml's CJS parts) call require() inside an ES module.
  banner: { js: "import { createRequire as __wrCreateRequire } from 'node:module'; const require = __wrCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});
// What each output file holds and imports, for the test that --version and validate load no PDF or template code.
writeFileSync(new URL('../dist/bundle-meta.json', import.meta.url), JSON.stringify(result.metafile));

for (const generated of ['validate/standalone-validators.cjs', 'reference/un-m49-country-names.json']) {
  copyFileSync(new URL(`../dist/${generated}`, import.meta.url), new URL(`../lib/${generated.split('/')[1]}`, import.meta.url));
}

// The code's own identity, which the notes cache is keyed by beside the version: a cached verdict
// made by other code (a rule added between two releases) is not taken (src/build/cache.ts).
const code = createHash('sha256');
for (const file of Object.keys(result.metafile.outputs).sort()) code.update(`${file}\u0000`).update(readFileSync(new URL(`../${file}`, import.meta.url)));
writeFileSync(new URL('../lib/code-identity', import.meta.url), `${code.digest('hex')}\n`);
