import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/build/check-project.js';
import { consolidate } from '../../src/consolidate/index.js';
import { Markdown } from '../../src/consolidate/markdown.js';
import { actionsCsv, actionsIcs } from '../../src/programme/exports.js';
import { programmeModel, programmePart, type ProgrammeModel } from '../../src/programme/model.js';
import { countryTable } from '../../src/reference/countries.js';
import type { CheckedProject } from '../../src/validate/index.js';
import { ROOT } from '../helpers/run-cli.js';

const projects: Array<{ id: string; project: CheckedProject }> = [];
beforeAll(async () => {
  for (const id of ['rabat-2022', 'niamey-2022']) projects.push({ id, project: (await checkProject(path.join(ROOT, 'examples', id), ROOT)).project! });
});
/** The example programme's model, made anew (a test changes its actions). */
const model = (): ProgrammeModel => programmeModel({ title: 'Programme', organizers: [] }, 'en', projects.map(({ id, project }) => ({ id, reports: `../../${id}/out`, model: programmePart(consolidate(project, countryTable())) })));

// An action's text as a rapporteur writes it: a `|` block wrapped over two lines, and one with paragraphs, bold, a link and a list.
const WRAPPED = 'Organiser une deuxième mission conjointe\naux postes frontières du nord.\n';
const RICH = 'Préparer le **rapport** de mission et le publier sur [le site](https://un.org/sahel).\n\nIl couvrira :\n\n- item one\n- item two\n';

/**
 * actions.csv read back as Excel or Python's csv module reads it: CR, LF and CRLF each end a row
 * outside quotes (csv-parse by default takes the first row's CRLF as the only one, and read a bare LF as text).
 */
const rows = (csv: string) => parse(csv, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

describe('actions.csv', () => {
  it('has one row of 9 fields per action, an action\'s text on one line, whatever its Markdown', () => {
    const programme = model();
    const [wrapped, rich] = programme.actions;
    wrapped!.text = new Markdown(WRAPPED);
    rich!.text = new Markdown(RICH);
    const csv = actionsCsv(programme);
    const read = rows(csv);
    expect(read.map((row) => row.length)).toEqual(Array(1 + programme.actions.length).fill(9));
    expect(read[1]!.slice(2, 4)).toEqual([wrapped!.label, 'Organiser une deuxième mission conjointe aux postes frontières du nord.']);
    expect(read[2]!.slice(2, 4)).toEqual([rich!.label, 'Préparer le rapport de mission et le publier sur le site (https://un.org/sahel). Il couvrira : item one item two']);
    // Every line of the file is a row: no line break is left in a field.
    expect(csv.split(/\r\n|\n|\r/).filter(Boolean)).toHaveLength(1 + programme.actions.length);
  });

  it('quotes a field that holds a line feed or a carriage return, so it stays one field (csv-stringify quoted only CRLF)', () => {
    const programme = model();
    const [first, second] = programme.actions;
    first!.owner = { ...first!.owner, short: 'UN\nCCT' };
    second!.owner = { ...second!.owner, short: 'UN\rCCT' };
    const csv = actionsCsv(programme);
    expect(csv).toContain(',"UN\nCCT",');
    expect(csv).toContain(',"UN\rCCT",');
    const read = rows(csv);
    expect(read.map((row) => row.length)).toEqual(Array(1 + programme.actions.length).fill(9));
    expect([read[1]![4], read[2]![4]]).toEqual(['UN\nCCT', 'UN\rCCT']);
  });
});

describe('actions.csv against formulas', () => {
  it('keeps a text beginning like a formula a text, full-width signs too (csv-stringify\'s escape_formulas, where a hand-written test missed ＝)', () => {
    const programme = model();
    const [a, b, c] = programme.actions;
    a!.text = new Markdown('=HYPERLINK("http://x")');
    b!.text = new Markdown('＝1+1');
    c!.owner = { ...c!.owner, short: '@lead' };
    const read = rows(actionsCsv(programme));
    expect([read[1]![3], read[2]![3], read[3]![4]]).toEqual(['\'=HYPERLINK("http://x")', '\'＝1+1', '\'@lead']);
  });
});

describe('actions.ics', () => {
  it('gives a task\'s title (SUMMARY) its action\'s text as words on one line, list items apart', () => {
    const programme = model();
    const [wrapped, rich] = programme.actions;
    wrapped!.text = new Markdown(WRAPPED);
    rich!.text = new Markdown(RICH);
    const todos = new ICAL.Component(ICAL.parse(actionsIcs(programme))).getAllSubcomponents('vtodo');
    const summary = (label: string) => String(todos.find((todo) => String(todo.getFirstPropertyValue('summary')).startsWith(`${label} (`))!.getFirstPropertyValue('summary'));
    expect(summary(wrapped!.label)).toBe(`${wrapped!.label} (${wrapped!.workshop.short_title}): Organiser une deuxième mission conjointe aux postes frontières du nord.`);
    expect(summary(rich!.label)).toBe(`${rich!.label} (${rich!.workshop.short_title}): Préparer le rapport de mission et le publier sur le site (https://un.org/sahel). Il couvrira : item one item two`);
    // The description keeps its own lines (workshop, lead, status): what they are is said in words, one a line.
    const description = String(todos.find((todo) => String(todo.getFirstPropertyValue('summary')).startsWith(`${wrapped!.label} (`))!.getFirstPropertyValue('description'));
    expect(description.split('\n')[0]).toBe(wrapped!.workshop.title);
  });
});
