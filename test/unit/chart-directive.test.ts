import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/consolidate/index.js';
import { programmeTemplateProblems } from '../../src/programme/render.js';
import { readDirective } from '../../src/markdown/chart.js';
import { renderedChartProblems } from '../../src/render/chart-check.js';
import { render, templateProblems } from '../../src/render/index.js';
import type { TemplateFile } from '../../src/render/templates.js';
import { countryTable } from '../../src/reference/countries.js';
import { bundledTemplates, checked, session, WORKSHOP } from './helpers.js';
import { ROOT } from '../helpers/run-cli.js';

const SHIPPED = bundledTemplates().get('partials/participation-table.md.hbs')!.text;
const jobs = [{ name: 'report', template: 'report.md.hbs', path: 'report' }];
/** The shipped templates, with the participation table's partial as the project writes it. */
const withTable = (text: string) => new Map([...bundledTemplates(), ['partials/participation-table.md.hbs', { text, displayPath: 'templates/partials/participation-table.md.hbs', overridden: true }]]);
const found = (text: string) => templateProblems(withTable(text), jobs, 'en').map((d) => `${d.location?.start.line}:${d.location?.start.column}-${d.location?.end.column} ${d.code} ${d.severity} ${d.message} | ${d.hint}`);
const problems = (text: string) => readDirective(text)?.problems.map((p) => `${text.slice(p.at, p.at + p.length)}: ${p.hint}`);

describe('a chart directive is read as the writers read it, and what they would leave without a word is said', () => {
  it('the shipped directives have no problem', () => {
    expect(readDirective('<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->')).toEqual({ at: 0, columns: ['Women', 'Men'], columnsAt: { at: 36, length: 9 }, problems: [] });
    expect(problems('<!-- wr:chart stacked-bars columns="Women,Men" table="drop" -->')).toEqual([]);
    expect(problems('<!-- wr:chart stacked-bars columns="A" -->')).toEqual([]);
    expect(readDirective('<!-- just a comment -->')).toBeUndefined();
  });

  it('a kind, an attribute or a value mistyped, each with the one meant', () => {
    expect(problems('<!-- wr:chart stacked-bar columns="Women,Men" -->')).toEqual(['stacked-bar: Did you mean “stacked-bars”?']);
    expect(problems('<!-- wr:chart stacked-bars colums="Women,Men" -->')).toEqual([expect.stringMatching(/^colums: Did you mean “columns”\? The directive takes columns="…"/)]);
    expect(problems('<!-- wr:chart stacked-bars Columns="Women,Men" -->')).toEqual([expect.stringMatching(/^Columns: Did you mean “columns”\?/)]);
    expect(problems('<!-- wr:chart stacked-bars columns="A" table="drp" -->')).toEqual(['drp: Did you mean table="drop"?']);
    expect(problems('<!-- wr:chrt stacked-bars columns="A" -->')).toEqual([expect.stringMatching(/^chrt: Did you mean “wr:chart”\?/)]);
  });

  it('table="hide" (read as keep), a value not in double quotes, a stray word, an attribute given twice, no kind, no columns', () => {
    const hide = readDirective('<!-- wr:chart stacked-bars columns="A" table="hide" -->')!.problems;
    expect(hide.map((p) => p.message)).toEqual(['The chart directive is given table="hide", which it does not know (table is "keep" or "drop"): the build would keep the table.']);
    expect(hide[0]!.hint).toMatch(/^Write table="keep" \(the table after the chart\) or table="drop"/);
    expect(problems('<!-- wr:chart stacked-bars columns=\'A\' -->')).toEqual(['\'A\': Write columns="A".']);
    expect(problems('<!-- wr:chart stacked-bars columns="A" big -->')).toEqual([expect.stringMatching(/^big: The directive takes/)]);
    expect(problems('<!-- wr:chart stacked-bars columns="A" table="keep" table="drop" -->')).toEqual(['table: Leave one table="…".']);
    expect(problems('<!-- wr:chart columns="A" -->')).toEqual([expect.stringMatching(/^chart: Write the kind after wr:chart/)]);
    expect(readDirective('<!-- wr:chart stacked-bars columns="" -->')!.problems.map((p) => p.message)).toEqual(['The chart directive names no columns to draw: the build would draw no chart, without a word.']);
    expect(problems('<!-- wr:chart stacked-bars table="drop" -->')).toEqual([expect.stringMatching(/^chart: Write columns="Women,Men"/)]);
  });

  it('what a template computes is not judged', () => {
    expect(problems('<!-- wr:chart stacked-bars columns="\0\0\0,\0\0\0" table="\0\0" -->')).toEqual([]);
    expect(problems('<!-- wr:chart \0\0\0\0 -->')).toEqual([]);
  });
});

describe('validate and build, before rendering: the project\'s templates\' directives, at their place', () => {
  it('a kind, an attribute and a value mistyped are errors at the template\'s line and column, with the one meant', () => {
    expect(found(SHIPPED.replace('wr:chart stacked-bars', 'wr:chart stacked-bar'))).toEqual([
      '3:15-26 chart-directive error The chart directive asks for a “stacked-bar” chart, a kind the tool does not draw (it draws stacked-bars): the build would leave the chart out of the PDF, the HTML and the DOCX without a word. | Did you mean “stacked-bars”?',
    ]);
    expect(found(SHIPPED.replace('columns=', 'colums=').replace('table="keep"', 'table="hide"')).map((line) => line.replace(/ chart-directive error .*\| /, ' | '))).toEqual([
      '3:28-34 | Did you mean “columns”? The directive takes columns="…" (the header row\'s columns the bars stack, separated by commas) and table="keep" or table="drop".',
      '3:70-74 | Write table="keep" (the table after the chart) or table="drop" (the chart in the table\'s place in the PDF and the DOCX; the Markdown and the HTML always show the table).',
    ]);
    // The shipped templates, and a directive written inside a block, are not judged before rendering.
    expect(found(SHIPPED)).toEqual([]);
    expect(found(SHIPPED.replace('table="keep"', '{{#if @root.participation.has_gender}}table="hide"{{/if}}'))).toEqual([]);
    // A comment that is not a directive, and a directive inside a Handlebars comment, are left alone.
    expect(found(`<!-- a note -->\n{{!-- <!-- wr:chart stacked-bar --> --}}\n${SHIPPED}`)).toEqual([]);
  });
});

describe('a programme\'s own templates\' directives are checked too', () => {
  it('table="dorp" in an edited overview is an error at the value', () => {
    const templates = bundledTemplates();
    const overview = readFileSync(path.join(ROOT, 'templates/programme/overview.md.hbs'), 'utf8').replace('table="drop"', 'table="dorp"');
    templates.set('programme/overview.md.hbs', { text: overview, displayPath: 'templates/programme/overview.md.hbs', overridden: true });
    const line = overview.split('\n').findIndex((text) => text.includes('table="dorp"')) + 1;
    expect(programmeTemplateProblems(templates).map((d) => `${d.location?.file}:${d.location?.start.line} ${d.code} ${d.hint}`)).toEqual([`templates/programme/overview.md.hbs:${line} chart-directive Did you mean table="drop"?`]);
  });
});

describe('build, rendered: the table after a directive has its columns', () => {
  const file = (text: string): TemplateFile => ({ text, displayPath: 'templates/partials/participation-table.md.hbs', overridden: true });
  const table = '| Country | Participants | Women | Men |\n| :-- | --: | --: | --: |\n| Mali | 4 | 1 | 3 |\n';
  const partial = file('{{#if x}}\n<!-- wr:chart stacked-bars columns="{{a}},{{b}}" table="keep" -->\n\n{{/if}}\n');
  const said = (markdown: string, templates = [partial]) => renderedChartProblems(markdown, templates).map((d) => `${d.location?.file}:${d.location?.start.line}:${d.location?.start.column} ${d.code} ${d.severity} ${d.message} | ${d.hint}`);

  it('columns the header row does not have: an error at the template\'s columns="…", naming the header\'s columns', () => {
    expect(said(`# Participation\n\n<!-- wr:chart stacked-bars columns="Female,Male" table="keep" -->\n\n${table}`)).toEqual([
      'templates/partials/participation-table.md.hbs:2:37 chart-directive error The chart directive\'s columns “Female” and “Male” are not in the header row of the table after it, whose columns are “Country”, “Participants”, “Women” and “Men”: no chart would be drawn. | Name columns of the header row after its first (“Participants”, “Women” and “Men”), as the header writes them, separated by commas: the bars stack their values.',
    ]);
    expect(said(`<!-- wr:chart stacked-bars columns="Woman,Men" table="keep" -->\n${table}`)).toEqual([
      expect.stringMatching(/:2:37 chart-directive error The chart directive's column “Woman” is not in the header row of the table after it, whose columns are “Country”, “Participants”, “Women” and “Men”: the chart would draw “Men” only\. \| Did you mean columns="Women,Men"\?$/),
    ]);
    // The first column is the bars' labels.
    expect(said(`<!-- wr:chart stacked-bars columns="Country,Women" table="keep" -->\n${table}`)[0]).toContain('“Country”, its first column, is the bars\' labels');
  });

  it('a directive not followed by a table is said; one followed by its table, or inside a code block, is not', () => {
    expect(said(`<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->\n\nSome words.\n\n${table}`)).toEqual([
      expect.stringMatching(/:2:1 chart-directive error The chart directive is not followed by a table \(the next block is a paragraph\): no chart would be drawn\./),
    ]);
    expect(said(`<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->\n\n${table}`)).toEqual([]);
    expect(said(`\`\`\`\n<!-- wr:chart stacked-bars columns="Female" -->\n\`\`\`\n`)).toEqual([]);
    expect(said('No directive here.\n')).toEqual([]);
  });

  it('what the template computed is judged rendered, at the directive', () => {
    const computed = file('{{#if x}}\n<!-- wr:chart stacked-bars columns="Women,Men" table="{{how}}" -->\n{{/if}}\n');
    expect(said(`<!-- wr:chart stacked-bars columns="Women,Men" table="hide" -->\n${table}`, [computed])).toEqual([expect.stringMatching(/:2:1 chart-directive error The chart directive is given table="hide"/)]);
  });

  it('the shipped templates\' charts have their columns, in English and in French', () => {
    for (const language of ['en', 'fr']) {
      const project = checked({ workshop: `${WORKSHOP}language: ${language}\n`, sessions: { 'sessions/a.yaml': session() } });
      const result = render(consolidate(project, countryTable()), bundledTemplates(), ['report', 'recommendations', 'country-briefs']);
      expect(result.diagnostics).toEqual([]);
      const report = result.documents.find((d) => d.file === 'report.md')!.markdown;
      expect(report, language).toContain(`<!-- wr:chart stacked-bars columns="${language === 'fr' ? 'Femmes,Hommes' : 'Women,Men'}"`);
      const files = [...bundledTemplates().values()];
      for (const document of result.documents) expect(renderedChartProblems(document.markdown, files), `${language} ${document.file}`).toEqual([]);
    }
  });
});
