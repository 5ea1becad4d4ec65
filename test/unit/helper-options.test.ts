import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/build/templates.js';
import { templatesIn } from '../../src/build/project-templates.js';
import { programmeTemplateProblems } from '../../src/programme/render.js';
import { DEFAULT_DOCUMENTS, documentJobs, templateProblems } from '../../src/render/index.js';
import { BUILT_IN_OPTIONS, HELPER_VALUES, helpers } from '../../src/render/helpers.js';
import { bundledTemplates } from './helpers.js';

const jobs = [{ name: 'report', template: 'report.md.hbs', path: 'report' }];
const withReport = (text: string) => new Map([...bundledTemplates(), ['report.md.hbs', { text, displayPath: 'templates/report.md.hbs', overridden: true }]]);
const found = (text: string) => templateProblems(withReport(text), jobs, 'en').map((d) => `${d.location?.start.line}:${d.location?.start.column} ${d.code} ${d.message} | ${d.hint}`);

describe('a helper’s options (name=value) are those it declares', () => {
  it('an option a helper does not take is an error at the option, with the one meant and those it takes', () => {
    expect(found('# Dates\n\n{{dateRange workshop.dates stlye="prose"}}\n')).toEqual([
      '3:28 template-unknown-name {{dateRange}} is given “stlye=”, an option it does not take (it takes style): the build would go on as if it were not there. | Did you mean style=…? {{dateRange}} takes style="prose" or style="compact".',
    ]);
    expect(found('{{dateRange workshop.dates size="big"}}\n')).toEqual([
      '1:28 template-unknown-name {{dateRange}} is given “size=”, an option it does not take (it takes style): the build would go on as if it were not there. | {{dateRange}} takes style="prose" or style="compact"; leave “size” out.',
    ]);
  });

  it('a helper that declares no options takes none', () => {
    expect(found('{{date workshop.dates.start format="long"}}\n')).toEqual([
      '1:29 template-unknown-name {{date}} is given “format=”, but it takes no options: the build would go on as if it were not there. | Leave it out: {{date session.date}}.',
    ]);
    // In a sub-expression, and in a block of Handlebars' own (at the option, on its own line).
    expect(found('{{t (concat "status_" "done" sep="-")}}\n{{#each sessions\n  limit=2}}{{title}}{{/each}}\n')).toEqual([
      '1:30 template-unknown-name {{concat}} is given “sep=”, but it takes no options: the build would go on as if it were not there. | Leave it out: {{t (concat "status_" status)}}.',
      '3:3 template-unknown-name {{#each}} is given “limit=”, but it takes no options: the build would go on as if it were not there. | Leave it out.',
    ]);
  });

  it('a value written out that the option does not know is an error at the value', () => {
    expect(found('{{dateRange workshop.dates style="prosa"}}\n')).toEqual([
      '1:34 template-unknown-name {{dateRange}} is given style="prosa", which it does not know (style is "prose" or "compact"): the build would go on as if it were not there. | Did you mean style="prose"?',
    ]);
    expect(found('{{dateRange workshop.dates style=1}}\n')).toEqual([
      '1:34 template-unknown-name {{dateRange}} is given style=1, which it does not know (style is "prose" or "compact"): the build would go on as if it were not there. | Write style="prose" or style="compact".',
    ]);
  });

  it('the options a helper takes, with values it knows or given by the data, pass', () => {
    expect(found([
      '{{dateRange workshop.dates style="prose"}} {{dateRange workshop.dates style="compact"}} {{dateRange workshop.dates}}',
      // A value the data gives is not judged here (the field itself is checked).
      '{{dateRange workshop.dates style=workshop.short_title}}',
      '{{#if participation.total includeZero=true}}{{num participation.total}}{{/if}}{{#unless participation.total includeZero=true}}-{{/unless}}',
      '{{t "session_number" number=1}}',
      '',
    ].join('\n'))).toEqual([]);
  });

  it('{{t}}’s options are its label’s places, said once as such', () => {
    expect(found('{{t "session_number" numbr=1}}\n').map((line) => line.split(' | ')[0])).toEqual([
      '1:22 template-unknown-name {{t "session_number"}} is given “numbr”, which its label has no place for (it has {number}).',
    ]);
  });

  it('fails the build’s template check too (it printed “9–13 mai 2022” with exit 0)', () => {
    expect(templateProblems(withReport('{{dateRange workshop.dates style="prosa"}}\n'), jobs, 'fr').map((d) => d.code)).toEqual(['template-unknown-name']);
  });

  it('every helper has its declaration, and only {{t}}, {{dateRange}}, {{#if}} and {{#unless}} take options', () => {
    expect(Object.keys(HELPER_VALUES).sort()).toEqual(Object.keys(helpers('en')).sort());
    expect(Object.entries(HELPER_VALUES).filter(([, values]) => values.options !== undefined).map(([helper]) => helper)).toEqual(['t', 'dateRange']);
    expect(Object.keys(BUILT_IN_OPTIONS).sort()).toEqual(['if', 'unless']);
  });
});

describe('the shipped templates have no template problems', () => {
  it.each(['en', 'fr'] as const)('in %s: every document, with and without the optional-field warnings', async (language) => {
    const templates = await loadTemplates();
    const all = documentJobs(DEFAULT_DOCUMENTS, ['MLI'], true);
    expect(all.map((job) => job.template).sort()).toEqual(['country-brief.md.hbs', 'follow-up.md.hbs', 'recommendations.md.hbs', 'report.md.hbs']);
    expect(templateProblems(templates, all, language)).toEqual([]);
    expect(templateProblems(templates, all, language, true).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('the programme’s', async () => {
    expect(programmeTemplateProblems(await loadTemplates())).toEqual([]);
    expect(programmeTemplateProblems(await loadTemplates(), true).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(['en', 'fr'] as const)('the example’s press release, in %s', async (language) => {
    const templates = await loadTemplates();
    for (const name of ['press-release.md.hbs', 'fr/press-release.md.hbs']) {
      templates.set(name, { text: readFileSync(new URL(`../../examples/rabat-2022/templates/${name}`, import.meta.url), 'utf8'), displayPath: `templates/${name}`, overridden: true });
    }
    const own = documentJobs([{ name: 'press-release', template: 'press-release.md.hbs', per: 'workshop' }], [], false);
    expect(templateProblems(templatesIn(templates, language, ['en', 'fr']), own, language, true).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
