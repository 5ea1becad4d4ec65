// The programme's roll-up, hot, on P's 100 workshops (issue #19): each step timed on its own, after
// two warm-up runs, so a change to one can be measured without the noise of a whole build.
//   node scripts/bench-roll-up.mjs [--runs 5]      (run `npm run build` first)
// It generates P in a temporary folder (as `npm run bench` does), checks and consolidates each
// workshop once, then times: the near-duplicate search over every recommendation, the recurring
// recommendations, the programme's model, and rendering its documents.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProgramme, PROGRAMME_WORKSHOPS } from './bench-generate.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(path.join(root, 'dist', file));
const [{ checkProject }, { consolidate }, { countryTable }, nearDuplicates, { recurringRecommendations }, { programmeModel, programmePart }, { renderProgramme }, { loadTemplates }] = await Promise.all([
  load('build/check-project.js'), load('consolidate/index.js'), load('reference/countries.js'), load('validate/near-duplicates.js'),
  load('programme/recurring.js'), load('programme/model.js'), load('programme/render.js'), load('build/templates.js'),
]);

// (Before findSimilarTexts, the same search was findSimilarPairs over shingleSets: kept, to compare with older builds.)
const findSimilarTexts = nearDuplicates.findSimilarTexts ?? ((texts) => nearDuplicates.findSimilarPairs(nearDuplicates.shingleSets(texts)));
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const work = mkdtempSync(path.join(tmpdir(), 'wr-roll-up-'));
try {
  const dir = generateProgramme(path.join(work, 'P'));
  const models = [];
  for (let w = 0; w < PROGRAMME_WORKSHOPS; w++) {
    const checked = await checkProject(path.join(dir, `w${String(w).padStart(3, '0')}`), '/');
    models.push(consolidate(checked.project, countryTable()));
  }
  const time = (label, run) => {
    for (let i = 0; i < 2; i++) run();
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) run();
    console.log(`${label.padEnd(58)} ${(Number(process.hrtime.bigint() - start) / 1e6 / runs).toFixed(1).padStart(7)} ms`);
  };
  const texts = models.flatMap((model) => model.recommendations.map((rec) => rec.text.source));
  console.log(`P: ${models.length} workshops, ${texts.length} recommendations; mean of ${runs} runs after 2 warm-up runs`);
  time('near-duplicate pairs among all recommendations', () => findSimilarTexts(texts));
  const recurringInputs = models.map((model, w) => ({ id: `w${w}`, ref: w, name: `w${w}`, model, languages: [{ language: model.language, model }] }));
  time('recurring recommendations (pairs across workshops, grouped)', () => recurringRecommendations(recurringInputs, 'en'));
  const inputs = models.map((model, w) => ({ id: `w${w}`, reports: `../w${w}/out`, model: programmePart(model) }));
  let programme;
  time('the programme\'s model (roll-up)', () => { programme = programmeModel({ title: 'P', organizers: [] }, 'en', inputs); });
  const templates = await loadTemplates();
  time('rendering its documents (Markdown)', () => renderProgramme(programme, templates));
} finally {
  rmSync(work, { recursive: true, force: true });
}
