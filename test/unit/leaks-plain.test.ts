import { describe, expect, it } from 'vitest';
import { editionGuard, findLeaks, type RestrictedText } from '../../src/editions/index.js';
import { locate } from '../../src/load/index.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

const text = 'key_points:\n  - text: Connectivity at the remote border post of Tessit has been down since March.\n    restricted: true\n';
const file = parseYamlFile({ path: 'sessions/a.yaml', text }, 'session').file;
const restricted: RestrictedText[] = [{ words: 'connectivity at the remote border post of tessit has been down since march', source: 'Connectivity at the remote border post of Tessit has been down since March.', location: locate(file, ['key_points', 0, 'text']) }];

describe('leak guard: a writer\'s plain text (a DOCX\'s paragraphs)', () => {
  it('finds a restricted text in plain text, read as it is (marks that would be Markdown are text), located at the item', () => {
    // Read as Markdown, "# …" would be a heading and "| … |" a table row; as text they are words like the others.
    const docx = 'Contents\n# Annex | row |\nConnectivity at the REMOTE border post of *Tessit* has been down since March!\n1. next';
    const found = findLeaks([{ file: 'public/briefing.docx', text: docx, plain: true }], restricted, editionGuard('public'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'restricted-leak', message: "The public edition's public/briefing.docx contains this restricted text." });
    expect(found[0]!.location).toMatchObject({ file: 'sessions/a.yaml', start: { line: 2, column: 11 } });
  });

  it('finds nothing in plain text that only shares some of the words', () => {
    const docx = 'Connectivity at the remote border post\nof Tessit was restored in March.';
    expect(findLeaks([{ file: 'public/briefing.docx', text: docx, plain: true }], restricted, editionGuard('public'))).toEqual([]);
  });
});
