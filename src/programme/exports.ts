import { stringify } from 'csv-stringify/sync';
import ICAL from 'ical.js';
import type { Link, Node, Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseGfm } from '../markdown/parse.js';
import { translate } from '../i18n/index.js';
import { foldIcs } from './ics-folding.js';
import type { ProgrammeAction, ProgrammeModel } from './model.js';
import type { ActionStatus } from '../notes/types.js';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One line that no Markdown construct can start or hold: letters, digits and spaces with sentence
 * punctuation, not starting with a digit or a dash (a list item), without link, emphasis, code,
 * entity, HTML or autolink characters, without surrounding spaces. Parsed, it is itself.
 */
const PLAIN_ALREADY = /^(?![\d -])[\p{L}\p{M}\p{N} ,.;'’"?()%«»\u00a0-]*(?<! )$/u;

/**
 * A Markdown text as plain words on one line (for a spreadsheet cell or a calendar entry's title): a
 * soft or hard line break is a space, and so is the step from one paragraph, list item, heading or
 * table cell to the next (`Il couvrira : item one item two`, as the register's cell prints it; the
 * items ran together, `item oneitem two`, and a text wrapped over two lines kept its line break,
 * which split its row in actions.csv). A link keeps its address after its words,
 * `the guidelines (https://…)`, which the words alone lost.
 */
export function plain(markdown: { source: string } | string): string {
  const source = typeof markdown === 'string' ? markdown : markdown.source;
  // Most action texts are plain sentences: parsing thousands of them costs a programme's build 0.4 s.
  if (PLAIN_ALREADY.test(source) && !/www\./i.test(source)) return source;
  return plainWords(parseGfm(source));
}

/** The words of a parsed Markdown text, as plain() gives them (the shortcut must give the same). Pure. */
export function plainWords(tree: Root): string {
  return blockWords(withAddresses(tree)).map((words) => words.replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ')).filter((words) => words !== '').join(' ');
}

/** The words of each block of `node` that holds some (a paragraph, a heading, a table cell, code, HTML), in order. */
function blockWords(node: Nodes): string[] {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return [toString(node)];
  if (node.type === 'code' || node.type === 'html') return [node.value];
  return 'children' in node ? node.children.flatMap((child) => blockWords(child)) : [];
}

/**
 * `node` with each link to a web or mail address followed by that address, unless its words are the
 * address, and each hard line break a space (mdast-util-to-string gives it nothing: the words either side ran together).
 */
function withAddresses<T extends Node>(node: T): T {
  if (node.type === 'break') return { type: 'text', value: ' ' } as unknown as T;
  if (node.type === 'link') {
    const { url } = node as unknown as Link;
    const words = toString(node);
    const shown = url.replace(/^mailto:/i, '');
    // (An address written as such, `www.un.org` or `http://un.org`, is its own words.)
    if (/^(https?|mailto):/i.test(url) && ![url, shown, url.replace(/^https?:\/\//i, '')].includes(words)) return { type: 'text', value: `${words} (${shown})` } as unknown as T;
    return node;
  }
  const { children } = node as unknown as Parent;
  return Array.isArray(children) ? { ...node, children: children.map((child) => withAddresses(child)) } : node;
}

const COLUMNS = ['workshop', 'id', 'label', 'text', 'owner', 'due', 'status', 'overdue', 'as_of'] as const;

/**
 * actions.csv: one row per action of every workshop, for the people who track actions in a
 * spreadsheet. UTF-8 with a byte-order mark, so Excel opens accents intact (LibreOffice too); CRLF
 * line ends, quoted as RFC 4180 says (csv-stringify); an action's text on one line (see plain); a
 * text that would be a formula is kept a text. Pure.
 */
export function actionsCsv(model: ProgrammeModel): string {
  const rows = model.actions.map((a) => [a.workshop.id, a.id ?? '', a.label, plain(a.text), String(a.owner.short), a.due ?? '', a.status ?? '', a.overdue ? 'yes' : 'no', asOf(model, a) ?? '']);
  // A field holding a lone LF or CR is quoted too: with `record_delimiter` given, csv-stringify
  // quotes only a field holding CRLF, and a reader (Excel, Python's csv) ended the row at the LF.
  // A text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width forms)
  // is a formula to Excel and LibreOffice (`=HYPERLINK(…)` in an action's text ran as one): it gets a
  // leading `'`, as OWASP advises against CSV injection (csv-stringify's `escape_formulas`).
  return `\uFEFF${stringify([[...COLUMNS], ...rows], { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true })}`;
}

function asOf(model: ProgrammeModel, action: ProgrammeAction): string | undefined {
  return model.workshops.find((w) => w.id === action.workshop.id)?.as_of;
}

/**
 * A task's STATUS (RFC 5545 §3.8.1.11): done and dropped actions stay in the file, COMPLETED and
 * CANCELLED, so that importing a later build closes the task a calendar holds from an earlier one
 * (left out, it stayed open and overdue there for ever). Blocked is NEEDS-ACTION, the words say it.
 */
const ICS_STATUS: Record<ActionStatus, string> = { 'not-started': 'NEEDS-ACTION', 'in-progress': 'IN-PROCESS', blocked: 'NEEDS-ACTION', done: 'COMPLETED', dropped: 'CANCELLED' };

/**
 * actions.ics: one VTODO per action, due on its due date, with its status (see ICS_STATUS) and,
 * in its description, the status in words, for a
 * calendar or a task list (ical.js writes it). A UID is the workshop's id and the action's (its
 * label without one), so importing a later build updates the tasks instead of duplicating them;
 * DTSTAMP is the as-of date, never the clock, so the same notes give the same bytes. Every line is
 * at most 75 octets, a continuation's leading space included (RFC 5545 §3.1). Pure.
 */
export function actionsIcs(model: ProgrammeModel): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//workshop-report//Action plan//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  for (const action of model.actions) {
    const todo = new ICAL.Component('vtodo');
    todo.updatePropertyWithValue('uid', `${action.workshop.id}.${action.id ?? action.label}@workshop-report`);
    const stamp = asOf(model, action) ?? action.workshop.dates.end;
    todo.updatePropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString(`${stamp}T00:00:00Z`));
    todo.updatePropertyWithValue('summary', `${action.label} (${action.workshop.short_title}${action.workshop.shared_short_title ? `, ${action.workshop.id}` : ''}): ${plain(action.text)}`);
    const words = (key: 'owner' | 'overdue' | 'status') => translate(model.language, key);
    const status = action.status === undefined ? '' : `\n${words('status')}: ${translate(model.language, `status_${action.status}`)}`;
    todo.updatePropertyWithValue('description', `${action.workshop.title}\n${words('owner')}: ${action.owner.name}${status}${action.overdue ? `\n${capitalized(words('overdue'))}` : ''}`);
    if (action.due) todo.updatePropertyWithValue('due', ICAL.Time.fromDateString(action.due));
    todo.updatePropertyWithValue('status', ICS_STATUS[action.status ?? 'not-started']);
    calendar.addSubcomponent(todo);
  }
  // Folded again: ical.js's continuation lines are 76 octets with their leading space.
  return foldIcs(`${calendar.toString()}\r\n`);
}

/** A workshop of the programme that `--as-of` left out, not yet held that day: its id (folder name) and first day. */
export interface LeftOutWorkshop {
  id: string;
  start: string;
}

/**
 * programme.json: the programme's data for other tools, as `workshop-report schema
 * programme-export` describes it: Markdown texts as their source, no rendering. `left_out` (in date
 * order) names the workshops `leftOut`, so a script can tell a workshop not yet held from one not in
 * the programme; absent when none was left out. Pure.
 */
export function programmeJson(model: ProgrammeModel, leftOut: readonly LeftOutWorkshop[] = []): string {
  const text = (value: { source: string }) => value.source;
  const data = {
    version: 1,
    language: model.language,
    ...(model.as_of !== undefined ? { as_of: model.as_of } : {}),
    programme: model.programme,
    counts: model.counts,
    workshops: model.workshops,
    ...(leftOut.length > 0 ? { left_out: [...leftOut].sort((a, b) => compare(a.start, b.start) || compare(a.id, b.id)).map(({ id, start }) => ({ id, start })) } : {}),
    actions: model.actions.map((a) => ({
      workshop: a.workshop.id, ...(a.id ? { id: a.id } : {}), label: a.label, text: text(a.text), owner: a.owner.id, ...(a.due ? { due: a.due } : {}),
      // No status when its workshop has no follow-up report (nor the programme an --as-of date): nothing is known, as actions.md's “—” and the CSV's blank say.
      ...(a.status ? { status: a.status } : {}), overdue: a.overdue ?? false, countries: a.countries.map((c) => c.code), recommendations: a.recommendations.map((r) => r.label),
      // The same, with each one's id in its notes where it has one: its label may differ from its workshop's report (the programme's is its public edition's), its id never.
      recommendation_refs: a.recommendations.map((r) => ({ label: r.label, ...(r.id !== undefined ? { id: r.id } : {}) })),
    })),
    progress: model.progress.map((p) => ({ workshop: p.workshop.id, recommendation: p.label, ...(p.id !== undefined ? { id: p.id } : {}), ...(p.country ? { country: p.country.code } : {}), status: p.status, date: p.date })),
    recurring: model.recurring.map((group) => ({ text: text(group.text), raised: group.raised.map((r) => ({ workshop: r.workshop.id, label: r.label, ...(r.id !== undefined ? { id: r.id } : {}) })) })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
