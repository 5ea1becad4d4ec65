import path from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/build/check-project.js';
import { consolidate } from '../../src/consolidate/index.js';
import { Markdown } from '../../src/consolidate/markdown.js';
import { actionsIcs } from '../../src/programme/exports.js';
import { foldIcs } from '../../src/programme/ics-folding.js';
import { programmeModel, programmePart } from '../../src/programme/model.js';
import { countryTable } from '../../src/reference/countries.js';
import { ROOT } from '../helpers/run-cli.js';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every physical line: at most 75 octets (its leading space included), no character cut apart. */
function expectFolded(ics: string): void {
  const lines = ics.split('\r\n');
  for (const line of lines) {
    expect(octets(line), line).toBeLessThanOrEqual(75);
    // A character cut apart would leave half a surrogate pair (or an invalid byte) at a line's end or start.
    expect(LONE_SURROGATE.test(line), line).toBe(false);
  }
}

describe('foldIcs (RFC 5545 §3.1: lines of at most 75 octets)', () => {
  it('folds a long line into lines of at most 75 octets, a continuation\'s space included, and unfolds to it', () => {
    const line = `SUMMARY:${'a'.repeat(200)}`;
    const folded = foldIcs(`${line}\r\n`);
    expect(folded.split('\r\n').slice(0, -1).map(octets)).toEqual([75, 75, 60]);
    expect(folded.replace(/\r\n /g, '')).toBe(`${line}\r\n`);
  });

  it('never cuts a multi-byte character (2, 3 and 4 octets) and keeps every line within 75 octets', () => {
    const characters = ['a', ' ', 'é', 'ß', '中', '€', '😀', '𝄞', 'e\u0301'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 400 }), (parts) => {
      const line = `DESCRIPTION:${parts.join('')}`;
      const folded = foldIcs(`BEGIN:VTODO\r\n${line}\r\nEND:VTODO\r\n`);
      expectFolded(folded);
      expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VTODO\r\n${line}\r\nEND:VTODO\r\n`);
    }), { numRuns: 500, seed: 5545 });
  });

  it('refolds what ical.js folded (its continuation lines were 76 octets)', () => {
    const ics = `SUMMARY:${'b'.repeat(74)}\r\n ${'c'.repeat(75)}\r\n`;
    expect(foldIcs(ics)).toBe(`SUMMARY:${'b'.repeat(67)}\r\n ${'b'.repeat(7)}${'c'.repeat(67)}\r\n ${'c'.repeat(8)}\r\n`);
  });
});

describe('actions.ics', () => {
  it('has no line over 75 octets, with accented, CJK and emoji text, and reads back as written', async () => {
    const inputs = [];
    for (const id of ['rabat-2022', 'niamey-2022']) {
      const checked = await checkProject(path.join(ROOT, 'examples', id), ROOT);
      inputs.push({ id, reports: `../../${id}/out`, model: programmePart(consolidate(checked.project!, countryTable())) });
    }
    const model = programmeModel({ title: 'Programme', organizers: [] }, 'en', inputs);
    const open = model.actions.find((action) => action.status !== 'done' && action.status !== 'dropped')!;
    const text = `Évaluer la sécurité frontalière à Tillabéri — 边境安全 😀 ${'é'.repeat(40)}${'中'.repeat(30)}${'😀'.repeat(20)}`;
    open.text = new Markdown(text);
    const ics = actionsIcs(model);
    expectFolded(ics);
    const summaries = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vtodo').map((todo) => String(todo.getFirstPropertyValue('summary')));
    expect(summaries).toContain(`${open.label} (${open.workshop.short_title}): ${text}`);
  });
});
