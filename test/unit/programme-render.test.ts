import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/build/check-project.js';
import { loadTemplates } from '../../src/build/templates.js';
import { consolidate } from '../../src/consolidate/index.js';
import { notesImagesLeaver } from '../../src/build/left-out-images.js';
import { Markdown } from '../../src/consolidate/markdown.js';
import { programmeModel, programmePart } from '../../src/programme/model.js';
import { renderProgrammeEach } from '../../src/programme/render.js';
import { renderProgramme } from '../../src/programme/render.js';
import { countryTable } from '../../src/reference/countries.js';
import { ROOT } from '../helpers/run-cli.js';

async function exampleProgramme() {
  const inputs = [];
  for (const id of ['rabat-2022', 'niamey-2022']) {
    const checked = await checkProject(path.join(ROOT, 'examples', id), ROOT);
    inputs.push({ id, reports: `../../${id}/out`, model: programmePart(consolidate(checked.project!, countryTable())) });
  }
  return programmeModel({ title: 'Programme', organizers: [] }, 'en', inputs);
}

describe('rendering a programme\'s documents', () => {
  it('stops a template past the work limits at the loop that went over, once, not once per country', async () => {
    const model = await exampleProgramme();
    const templates = await loadTemplates();
    const loop = '{{#each @root.actions}}{{#each @root.actions}}{{label}}{{/each}}{{/each}}\n';
    templates.set('programme/country-dossier.md.hbs', { text: `# {{dossier.country.name}}\n\n${loop}`, displayPath: 'templates/programme/country-dossier.md.hbs', overridden: true });
    const { documents, diagnostics } = renderProgramme(model, templates, undefined, { steps: 100 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'template-runtime', location: { file: 'templates/programme/country-dossier.md.hbs', start: { line: 3 } } });
    expect(diagnostics[0]!.message).toMatch(/did more than 100 steps of work rendering countries\/\w{3}\.md/);
    // The other documents are within the limits.
    expect(documents.map((doc) => doc.file)).toEqual(['overview.md', 'actions.md', 'recurring.md']);
  });

  it('shows each image of a workshop\'s text as the notes\' text says (notesText), the model as it was; a fallback is still marked with its language', async () => {
    const model = await exampleProgramme();
    const templates = await loadTemplates();
    const rec = model.dossiers.find((d) => d.country.code === 'NER')!.workshops[0]!.recommendations[0]!;
    const source = `${rec.text.source} ![Map of border posts](assets/map.png)`;
    (rec as { text: Markdown }).text = new Markdown(source);
    const fallbacks = { markdown: new Map([[source, 'fr']]), plain: new Map<string, string>() };
    const { text } = notesImagesLeaver();
    const dossier = [...renderProgrammeEach(model, templates, fallbacks, {}, text)].flatMap((step) => ('document' in step && step.document.file === 'countries/NER.md' ? [step.document.markdown] : []))[0]!;
    expect(dossier).toContain('monitoring mechanism. Map of border posts</span>');
    expect(dossier).toMatch(/<span lang="fr">[^<]*Map of border posts<\/span>/);
    expect(dossier).not.toContain('![');
    expect(rec.text.source).toBe(source);
  });

  it('stops a dossier that prints a part of the data through three braces (which print as two do), once', async () => {
    const model = await exampleProgramme();
    const templates = await loadTemplates();
    templates.set('programme/country-dossier.md.hbs', { text: '# {{dossier.country.name}}\n\n{{{lookup dossier "country"}}}\n', displayPath: 'templates/programme/country-dossier.md.hbs', overridden: true });
    const { documents, diagnostics } = renderProgramme(model, templates);
    expect(diagnostics).toHaveLength(1);
    // (Handlebars gives no place for a printed value: the template's first line; template-unescaped is at the braces.)
    expect(diagnostics[0]).toMatchObject({ code: 'template-runtime', location: { file: 'templates/programme/country-dossier.md.hbs', start: { line: 1, column: 1 } } });
    expect(diagnostics[0]!.message).toMatch(/^A \{\{…\}\} in this template prints a part of the data with fields \(code, name.*“\[object Object\]”/);
    expect(documents.map((doc) => doc.file)).toEqual(['overview.md', 'actions.md', 'recurring.md']);
  });
});
