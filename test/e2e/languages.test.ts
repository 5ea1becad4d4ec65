import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { xliff12ToJs, jsToXliff12 } from 'xliff';
import type { XliffValue } from 'xliff';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, copyTree, remove, runBin, snapshot, tempDir, editFile } from '../helpers/run-cli.js';
import { fingerprint } from '../../src/languages/fingerprint.js';

const work = tempDir('wr-languages-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');
let copies = 0;
/** A copy of the bilingual example, without its outputs. */
function copy(): string {
  const dir = path.join(work, `rabat-${++copies}`);
  copyTree(EXAMPLE, dir);
  rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  return dir;
}
const edit = editFile;
const labels = (markdown: string) => [...markdown.matchAll(/\*\*(R\d+)\*\*/g)].map((m) => m[1]);

/**
 * A translator's round trip on workshop.yaml's translation: export (`only`: which texts), give the
 * unit whose id starts with `unit` (`title#`) this target, import. The import's result.
 */
async function translateOne(dir: string, only: string | undefined, unit: string, target: string): Promise<ReturnType<typeof runBin>> {
  const xlf = path.join(dir, 'fr.xlf');
  expect(runBin(['translations', 'export', '--lang', 'fr', ...(only ? ['--only', only] : []), '-p', dir, '-o', xlf]).code).toBe(0);
  const data = await xliff12ToJs(read(xlf));
  const units = data.resources['workshop.yaml']!;
  const [id, found] = Object.entries(units).find(([key]) => key.startsWith(unit))!;
  units[id] = { ...found, target };
  writeFileSync(xlf, await jsToXliff12(data, { indent: '' }));
  return runBin(['translations', 'import', xlf, '-p', dir]);
}

describe('one source, two languages: the Rabat example', () => {
  it('builds English and French from one source, each in its folder, with the same numbers', () => {
    const dir = copy();
    const result = runBin(['build', dir, '--out', path.join(dir, 'out')]);
    expect(result.code, result.stderr).toBe(0);
    const en = read(path.join(dir, 'out/en/public/recommendations.md'));
    const fr = read(path.join(dir, 'out/fr/public/recommendations.md'));
    expect(en).toMatch(/^lang: en$/m);
    expect(fr).toMatch(/^lang: fr$/m);
    expect(fr).toContain('# Recommandations consolidées');
    expect(fr).toContain('gestion intégrée des frontières');
    expect(labels(fr)).toEqual(labels(en));
    expect(labels(fr).length).toBeGreaterThan(10);
    // The same recommendation under the same number: R5 is API/PNR in both.
    expect(en).toMatch(/\*\*R5\*\* \| [^|]*\*\*API and PNR\*\*/);
    expect(fr).toMatch(/\*\*R5\*\* \| [^|]*\*\*API et PNR\*\*/);
    // A custom document's template in templates/fr/ is the French one.
    expect(read(path.join(dir, 'out/fr/public/press-release.md'))).toMatch(/^document: "Communiqué de presse"$[\s\S]*l’atelier a réuni 31 participants/m);
    expect(read(path.join(dir, 'out/en/public/press-release.md'))).toMatch(/^document: "Press release"$/m);
    // The restricted edition carries the marking in its language.
    expect(read(path.join(dir, 'out/fr/restricted/report.md'))).toContain('DIFFUSION RESTREINTE');
  });

  it('says how much each language covers', () => {
    const result = runBin(['validate', 'examples/rabat-2022']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^fr: (\d+) of \1 texts translated, 0 missing, 0 stale$/m);
  });

  it('editing one English recommendation makes exactly one stale-translation warning, in both files, and the French report shows the new English text', () => {
    const dir = copy();
    edit(path.join(dir, 'sessions/05-terrorism-toc-nexus.yaml'), 'Make use of **joint investigation teams**', 'Make use of **joint investigation teams** (edited)');
    const result = runBin(['build', dir, '--out', path.join(dir, 'out')]);
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.match(/\[[a-z-]+\]$/gm) ?? [];
    expect(warnings).toEqual(['[stale-translation]']);
    expect(result.stderr).toMatch(/rabat-\d+\/translations\/fr\/sessions\/05-terrorism-toc-nexus\.yaml:\d+:11 warning The English text changed since it was translated/);
    expect(result.stderr).toMatch(/see: .*rabat-\d+\/sessions\/05-terrorism-toc-nexus\.yaml:\d+:\d+ the text it translates/);
    expect(result.stderr).toMatch(/hint: Update the translation to the new text, then set `source: "[0-9a-f]{8}"`/);
    expect(read(path.join(dir, 'out/fr/public/recommendations.md'))).toContain('Make use of **joint investigation teams** (edited)');
  });
});

describe('a translation written by hand', () => {
  // The fingerprint of “Opening session”, as translations/fr/sessions/01-opening.yaml records it.
  const FINGERPRINT = 'f5ec2413';
  it('is told the source: fingerprint to write when its entry is missing, or has no source:', () => {
    const dir = copy();
    const file = path.join(dir, 'translations/fr/sessions/01-opening.yaml');
    const original = read(file);
    expect(original).toContain(`title:\n  source: "${FINGERPRINT}"\n  text: Séance d'ouverture\n`);
    writeFileSync(file, original.replace(`title:\n  source: "${FINGERPRINT}"\n  text: Séance d'ouverture\n`, ''));
    const missing = runBin(['validate', dir]);
    expect(missing.stderr).toContain(`hint: Add \`title\` (with \`source: "${FINGERPRINT}"\` and \`text:\`) to translations/fr/sessions/01-opening.yaml`);
    writeFileSync(file, original.replace(`title:\n  source: "${FINGERPRINT}"\n`, 'title:\n'));
    const unsourced = runBin(['validate', dir]);
    expect(unsourced.code).toBe(1);
    expect(unsourced.stderr).toMatch(/translations\/fr\/sessions\/01-opening\.yaml:3:3 error Missing required key “source” in title\. \[required\]/);
    expect(unsourced.stderr).toContain(`hint: Add \`source: "${FINGERPRINT}"\`: the fingerprint of the text this translates, as it is now`);
  });
});

describe('a restricted text whose translation a public item also holds', () => {
  it('is warned at each restricted copy (the session and Mali\'s file hold it), naming the public item whose translation holds it (restricted-also-public)', () => {
    const dir = copy();
    const restricted = 'Équipements de communication sécurisés pour les postes frontières des régions de Ménaka et de Mopti.';
    edit(path.join(dir, 'translations/fr/sessions/02-trends-threats.yaml'), "text: Les attaques contre les postes frontières réduisent la présence de l'État et la collecte d'informations à la frontière.", `text: ${restricted}`);
    const result = runBin(['build', dir, '--format', 'md']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[restricted-also-public\]/g)).toHaveLength(2);
    expect(result.stderr.match(/the item whose translation \(fr\) holds the copy/g)).toHaveLength(2);
    expect(result.stderr).toMatch(/sessions\/02-trends-threats\.yaml:60:\d+ warning This restricted text is also written in a part of the notes that is not restricted, which the public edition prints/);
    expect(result.stderr).toMatch(/see: \S*sessions\/02-trends-threats\.yaml:49:5 the item whose translation \(fr\) holds the copy that is not restricted/);
    expect(read(path.join(dir, 'out/fr/public/report.md'))).toContain(restricted);
  });
});

describe('a recommendation that same_as merges into another', () => {
  it('says that the report does not print its text, rather than that it shows it in English', () => {
    const dir = copy();
    edit(path.join(dir, 'sessions/03-kst-initiatives.yaml'), 'with the legal basis and data protection safeguards they need.', 'with the legal basis they need.');
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[stale-translation]']);
    // api-pnr → port-screening → cl-traveller-data: the report prints the end of the chain's text (it named port-screening).
    expect(result.stderr).toContain('warning The English text changed since it was translated, but the report does not print it: same_as merges this recommendation into “cl-traveller-data”, whose text the report prints. [stale-translation]');
    expect(result.stderr).toMatch(/hint: Delete the entry, or, if same_as is to go, update the translation to the new text, then set `source: "[0-9a-f]{8}"`\./);
  });
});

describe('each translation rule, one defect at a time, located', () => {
  const cases: Array<{ rule: string; change: (dir: string) => void; where: RegExp; code: number }> = [
    {
      rule: 'missing-translation',
      change: (dir) => edit(path.join(dir, 'translations/fr/countries/MLI.yaml'), /^summary:\n(  .*\n|    .*\n|\n)*?(?=\S)/m, ''),
      where: /rabat-\d+\/countries\/MLI\.yaml:\d+:10 warning No French translation of this text/, code: 0,
    },
    {
      // A session file added (or copied) after the translation: one warning for the file, not one per text (a copy of 02 gave 19 around its 2 errors).
      rule: 'missing-translation',
      change: (dir) => writeFileSync(path.join(dir, 'sessions/09-added.yaml'), 'title: An added session\ndate: 2022-05-13\ntype: plenary\nsummary: Something was discussed.\nkey_points:\n  - A first point.\n  - A second point.\n'),
      where: /rabat-\d+\/sessions\/09-added\.yaml:1:8 warning No French translation of this file \(translations\/fr\/sessions\/09-added\.yaml does not exist\): the French report shows its 4 texts in English\. \[missing-translation\]\n[\s\S]*hint: Write translations\/fr\/sessions\/09-added\.yaml with an entry per text \(`title` with `source: "[0-9a-f]{8}"` and `text:`, and the others below\)[\s\S]*see: \S*09-added\.yaml:4:10 summary, source "[0-9a-f]{8}"\n.*see: \S*09-added\.yaml:6:5 key_points\.0, source "[0-9a-f]{8}"\n/, code: 0,
    },
    {
      rule: 'orphan-translation',
      change: (dir) => edit(path.join(dir, 'translations/fr/sessions/03-kst-initiatives.yaml'), /^title:/m, 'key_points.9:\n  source: "00000000"\n  text: Un point qui n’existe pas.\ntitle:'),
      where: /rabat-\d+\/translations\/fr\/sessions\/03-kst-initiatives\.yaml:2:1 error sessions\/03-kst-initiatives\.yaml has no text at key_points\.9: this translation translates nothing\. \[orphan-translation\]\n[\s\S]*hint: Did you mean key_points\.[0-3]\?/, code: 1,
    },
    {
      rule: 'orphan-translation',
      change: (dir) => writeFileSync(path.join(dir, 'translations/fr/sessions/09-gone.yaml'), 'title: { source: "00000000", text: Rien }\n'),
      where: /rabat-\d+\/translations\/fr\/sessions\/09-gone\.yaml:1:1 error This translates sessions\/09-gone\.yaml, which does not exist/, code: 1,
    },
    {
      rule: 'orphan-translation',
      change: (dir) => { mkdirSync(path.join(dir, 'translations/de')); writeFileSync(path.join(dir, 'translations/de/workshop.yaml'), 'title: { source: "00000000", text: Workshop }\n'); },
      where: /rabat-\d+\/translations\/de\/workshop\.yaml:1:1 error translations\/de\/ is not one of the report's languages \(en, fr\)/, code: 1,
    },
    {
      // translations/FR/: it was 16 errors (one per file) advising to list FR in languages: (itself an error) or remove the folder, and 20 missing-translation warnings.
      rule: 'orphan-translation',
      change: (dir) => renameSync(path.join(dir, 'translations/fr'), path.join(dir, 'translations/FR')),
      where: /rabat-\d+\/translations\/FR\/\S+\.yaml:\d+:1 error translations\/FR\/ is not read: the folder of the French translation is translations\/fr\/ \(language codes are lower case\)\. \[orphan-translation\]\n[\s\S]*hint: Rename the folder translations\/FR\/ to translations\/fr\/ \(its 16 files are read then\)\./, code: 1,
    },
    {
      // translations/FR/ beside translations/fr/ (from the review): the missing texts of fr/ are still said, and the hint is to move, not rename.
      rule: 'orphan-translation',
      change: (dir) => { copyTree(path.join(dir, 'translations/fr'), path.join(dir, 'translations/FR')); },
      where: /rabat-\d+\/translations\/FR\/\S+\.yaml:\d+:1 error translations\/FR\/ is not read[\s\S]*hint: Move what translations\/FR\/ holds into translations\/fr\/ \(which is there too\), then delete it\./, code: 1,
    },
    {
      // A misnamed folder of notes: its translations are not orphans to delete (it was 3 errors advising to delete them, and the build failed on them).
      rule: 'not-read',
      change: (dir) => renameSync(path.join(dir, 'follow-up'), path.join(dir, 'followup')),
      where: /rabat-\d+\/followup:1:1 warning The folder followup\/ is not read: the project's folder is follow-up\/\. \[not-read\]\n\s*hint: Rename it follow-up\/\./, code: 0,
    },
    {
      rule: 'not-read',
      change: (dir) => renameSync(path.join(dir, 'countries'), path.join(dir, 'country')),
      where: /rabat-\d+\/country:1:1 warning The folder country\/ is not read: the project's folder is countries\/\. \[not-read\]/, code: 0,
    },
    {
      // One key point removed: the translations of those after it are under their old keys (it was 3 stale warnings and 1 orphan error, "Did you mean key_points.0?").
      rule: 'moved-translation',
      change: (dir) => edit(path.join(dir, 'sessions/03-kst-initiatives.yaml'), /^key_points:\n {2}- .*\n/m, 'key_points:\n'),
      where: /rabat-\d+\/translations\/fr\/sessions\/03-kst-initiatives\.yaml:\d+:1 warning 3 translations are under their texts' old keys: the texts of sessions\/03-kst-initiatives\.yaml moved[\s\S]*hint: In translations\/fr\/sessions\/03-kst-initiatives\.yaml, first take key_points\.0 out of the way \(it translates a removed text, or an earlier version of a changed one: delete it, or rename it to update it later\), then rename the entries, in this order \(each new key is free by then\): key_points\.1 → key_points\.0, key_points\.2 → key_points\.1, key_points\.3 → key_points\.2\./, code: 0,
    },
    {
      rule: 'translation-structure',
      change: (dir) => edit(path.join(dir, 'translations/fr/sessions/03-kst-initiatives.yaml'), /\*\*([^*\n]+)\*\*/, '$1'),
      where: /rabat-\d+\/translations\/fr\/sessions\/03-kst-initiatives\.yaml:\d+:\d+ warning The translation has \d+ bold passages? where the source has \d+\./, code: 0,
    },
    {
      rule: 'conflicting-languages',
      change: (dir) => edit(path.join(dir, 'workshop.yaml'), /^languages:/m, 'language: fr\nlanguages:'),
      where: /rabat-\d+\/workshop\.yaml:\d+:\d+ error languages starts with en, but language says the notes are in fr/, code: 1,
    },
  ];
  it.each(cases)('$rule', ({ rule, change, where, code }) => {
    const dir = copy();
    change(dir);
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual([`[${rule}]`]);
    expect(result.stderr).toMatch(where);
  });
});

describe('names and roles with no translation (they were never exported nor counted: the French report printed them in English without a word)', () => {
  it('counts a partner\'s role as a missing text, counts names apart, and offers both to the translator, with what to do with a name that stays as it is', async () => {
    const dir = copy();
    edit(path.join(dir, 'translations/fr/workshop.yaml'), /^partners\.morocco\.role:\n.*\n.*\n/m, '');
    edit(path.join(dir, 'translations/fr/workshop.yaml'), /^organizers\.uncct\.name:\n.*\n.*\n/m, '');
    edit(path.join(dir, 'translations/fr/sessions/04-ibm-action-plans.yaml'), /^speakers\.2\.organization:\n.*\n.*\n/m, '');
    const validated = runBin(['validate', dir]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[missing-translation]']);
    expect(validated.stderr).toMatch(/rabat-\d+\/workshop\.yaml:\d+:11 warning No French translation of this text: the French report shows it in English\. \[missing-translation\]/);
    expect(validated.stderr).toMatch(/^fr: (\d+) of (\d+) texts translated, 1 missing, 0 stale; 2 names not translated, printed as the notes write them$/m);
    for (const only of [[], ['--only', 'missing']]) {
      const xlf = path.join(dir, 'fr.xlf');
      expect(runBin(['translations', 'export', '--lang', 'fr', ...only, '-p', dir, '-o', xlf]).code).toBe(0);
      const data = await xliff12ToJs(read(xlf));
      const unit = (file: string, key: string) => Object.entries(data.resources[file] ?? {}).find(([id]) => id.startsWith(`${key}#`))?.[1];
      expect(unit('workshop.yaml', 'partners.morocco.role')?.source).toBe('host');
      expect(unit('workshop.yaml', 'partners.morocco.role')?.note).not.toContain('A name');
      expect(unit('workshop.yaml', 'organizers.uncct.name')?.source).toBe('United Nations Counter-Terrorism Centre');
      expect(unit('workshop.yaml', 'organizers.uncct.name')?.note).toContain('a name that has none (a proper name, an acronym kept as it is) is copied unchanged into the target');
      expect(unit('sessions/04-ibm-action-plans.yaml', 'speakers.2.organization')?.source).toBe('National Security Council Secretariat, Ghana');
      // A person's organization given as an organizer's id prints that organizer's name: it is no text to translate.
      expect(unit('sessions/04-ibm-action-plans.yaml', 'speakers.0.organization')).toBeUndefined();
    }
  });
});

describe('a key point added before the others', () => {
  it('asks for the renames from the last, says the new key point has no translation, and counts the texts as waiting for a rename', () => {
    const dir = copy();
    edit(path.join(dir, 'sessions/03-kst-initiatives.yaml'), /^key_points:\n/m, 'key_points:\n  - A new first key point, added after the translation was made.\n');
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)?.sort()).toEqual(['[missing-translation]', '[moved-translation]']);
    // Renamed one by one in this order, no entry is renamed onto one still to be moved.
    expect(result.stderr).toMatch(/hint: In translations\/fr\/sessions\/03-kst-initiatives\.yaml, rename the entries, in this order \(each new key is free by then\): key_points\.3 → key_points\.4, key_points\.2 → key_points\.3, key_points\.1 → key_points\.2, key_points\.0 → key_points\.1\./);
    expect(result.stderr).not.toContain('no longer there');
    expect(result.stderr).toMatch(/sessions\/03-kst-initiatives\.yaml:\d+:\d+ warning No French translation of this text/);
    expect(result.stderr).toMatch(/^fr: \d+ of \d+ texts translated, 1 missing, 0 stale, 4 under their texts' old keys \(see moved-translation\)$/m);
  });
});

describe('two key points swapped', () => {
  it('asks for the renames through a free key, and says the items were reordered', () => {
    const dir = copy();
    const session = path.join(dir, 'sessions/02-trends-threats.yaml');
    const first = '  - The threat is shifting southwards, towards the border areas of the coastal States of West Africa.\n';
    const second = '  - Terrorist groups rely on the same routes, facilitators and financing methods as organized criminal networks.\n';
    edit(session, first + second, second + first);
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[moved-translation]']);
    expect(result.stderr).toContain('(items were removed, added or reordered)');
    expect(result.stderr).toMatch(/hint: In translations\/fr\/sessions\/02-trends-threats\.yaml, rename the entries, in this order \(each new key is free by then\): key_points\.0 → key_points\.0~, key_points\.1 → key_points\.0, key_points\.0~ → key_points\.1\./);
  });
});

/**
 * A target's content as Trados or memoQ save it: each sentence in a `<mrk mtype="seg">`, the space
 * between two sentences and a placeholder between paragraphs (`<x/>`) outside the markers. Cut only
 * outside the `<g>` spans: a marker may not cut an element in two.
 */
function segmented(inner: string): string {
  const pieces: string[] = [];
  let segment = '';
  let depth = 0;
  let mid = 0;
  const end = (between: string) => {
    if (segment) pieces.push(`<mrk mtype="seg" mid="${++mid}">${segment}</mrk>`);
    segment = '';
    pieces.push(between);
  };
  for (const token of inner.split(/(<[^>]*>)/)) {
    if (depth === 0 && token.startsWith('<') && token.endsWith('/>')) end(token);
    else if (token.startsWith('<')) {
      depth += token.startsWith('</') ? -1 : token.endsWith('/>') ? 0 : 1;
      segment += token;
    } else if (depth > 0) segment += token;
    else token.split(/(?<=\.) /).forEach((sentence, index) => {
      if (index > 0) end(' ');
      segment += sentence;
    });
  }
  end('');
  return pieces.join('');
}

describe('the translator\'s round trip (XLIFF 1.2)', () => {
  const upper = (value: XliffValue): XliffValue => {
    if (typeof value === 'string') return value.toUpperCase();
    return (Array.isArray(value) ? value : [value]).map((part) => {
      if (typeof part === 'string') return part.toUpperCase();
      const [kind, element] = Object.entries(part)[0]!;
      const keep = element.contents === undefined || element.ctype === 'x-code' || element.ctype === 'x-markdown';
      return { [kind]: keep ? element : { ...element, contents: upper(element.contents as XliffValue) } };
    });
  };

  it('exports every text, imports a filled file, and the French report shows each text at its place', async () => {
    const dir = copy();
    rmSync(path.join(dir, 'translations'), { recursive: true });
    const xlf = path.join(dir, 'fr.xlf');
    const exported = runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/^Exported (\d+) texts of 16 files for translation into fr/m);
    const data = await xliff12ToJs(read(xlf));
    expect(data.sourceLanguage).toBe('en');
    expect(data.targetLanguage).toBe('fr');
    const recommendation = data.resources['sessions/03-kst-initiatives.yaml']!;
    const unit = Object.entries(recommendation).find(([id]) => id.startsWith('recommendations.api-pnr.text#'))!;
    expect(unit[0]).toMatch(/#[0-9a-f]{8}$/);
    expect(unit[1].note).toContain('Session: National and regional initiatives');
    expect(JSON.stringify(unit[1].source)).toContain('"ctype":"bold"');
    // A delegation's words and a national presentation name the country by its name, not its code alone.
    const notes = Object.values(data.resources).flatMap((units) => Object.values(units).map((u) => String(u.note)));
    expect(notes.some((note) => note.includes('What the delegation of Mali (MLI) said'))).toBe(true);
    expect(notes.some((note) => note.includes('National presentation of Burkina Faso (BFA)'))).toBe(true);
    expect(notes.some((note) => /delegation of [A-Z]{3} said/.test(note))).toBe(false);
    for (const units of Object.values(data.resources)) for (const u of Object.values(units)) u.target = upper(u.source);
    const filled = path.join(dir, 'filled.xlf');
    writeFileSync(filled, await jsToXliff12(data, { indent: '' }));

    const imported = runBin(['translations', 'import', filled, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^Imported filled\.xlf \(fr\): (\d+) added, 0 changed, 0 unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
    expect(read(path.join(dir, 'translations/fr/sessions/03-kst-initiatives.yaml'))).toMatch(/^recommendations\.api-pnr\.text:\n  source: [0-9a-f]{8}\n  text: ESTABLISH \*\*ADVANCE PASSENGER INFORMATION\*\*/m);
    const validated = runBin(['validate', dir]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stderr).toMatch(/^fr: (\d+) of \1 texts translated, 0 missing, 0 stale$/m);
    const built = runBin(['build', dir, '--out', path.join(dir, 'out')]);
    expect(built.code, built.stderr).toBe(0);
    const en = read(path.join(dir, 'out/en/restricted/recommendations.md'));
    const fr = read(path.join(dir, 'out/fr/restricted/recommendations.md'));
    // Every recommendation row: the same number, the text upper-cased (French spacing aside).
    const rows = (markdown: string) => [...markdown.matchAll(/^\| \*\*(R\d+)\*\* \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.replace(/[\u202f\u00a0]/g, ' ').replace(/ ([:;!?])/g, '$1')]);
    const expected = rows(en).map(([label, text]) => [label, text!.toUpperCase()]);
    expect(rows(fr)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  });

  it('refuses a unit whose source changed since the export, located, and applies the others', async () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '--only', 'translated', '-p', dir, '-o', xlf]).code).toBe(0);
    edit(path.join(dir, 'sessions/05-terrorism-toc-nexus.yaml'), 'Make use of **joint investigation teams**', 'Make use of **joint investigation teams** (edited)');
    const result = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rabat-\d+\/sessions\/05-terrorism-toc-nexus\.yaml:\d+:\d+ warning This text changed since fr\.xlf was exported \(unit recommendations\.[\w-]+\.text#[0-9a-f]{8}\); its translation was not applied\./);
    expect(result.stderr).toMatch(/: 0 added, 0 changed, \d+ unchanged, \d+ not translated \(left as they were\), 1 refused\.$/m);
  });

  it('leaves a unit whose target says it is still to translate as it was (a tool\'s copy of the English replaced the French), and counts it', async () => {
    const dir = copy();
    const file = path.join(dir, 'translations/fr/workshop.yaml');
    const before = read(file);
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const data = await xliff12ToJs(read(xlf));
    const units = data.resources['workshop.yaml']!;
    const [id, found] = Object.entries(units).find(([key]) => key.startsWith('title#'))!;
    units[id] = { ...found, target: 'Regional Workshop (English copy)' };
    const xml = (await jsToXliff12(data, { indent: '  ' })).replace(new RegExp(`(<trans-unit id="${id}"[^>]*>[\\s\\S]*?<target)>`), '$1 state="needs-translation">');
    expect(xml).toContain('state="needs-translation"');
    writeFileSync(xlf, xml);
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/: 0 added, 0 changed, \d+ unchanged, 1 not translated \(left as they were\), 0 refused\.$/m);
    expect(read(file)).toBe(before);
  });

  describe('a stale text (its English changed since it was translated)', () => {
    const session = 'sessions/04-ibm-action-plans.yaml';
    /** A copy whose recommendation's English changed: its French is stale. Exported with --only missing,stale. */
    const staleCopy = () => {
      const dir = copy();
      edit(path.join(dir, session), 'with **costed action plans**', 'with **costed and funded action plans**');
      const xlf = path.join(dir, 'fr.xlf');
      const exported = runBin(['translations', 'export', '--lang', 'fr', '--only', 'missing,stale', '-p', dir, '-o', xlf]);
      expect(exported.code, exported.stderr).toBe(0);
      return { dir, xlf, translation: path.join(dir, 'translations/fr', session) };
    };
    const stale = (dir: string) => /^fr: \d+ of \d+ texts translated, 0 missing, (\d+) stale$/m.exec(runBin(['validate', dir]).stderr)?.[1];

    it('is exported with its earlier translation as a target a translation tool shows as still to review (state needs-review-translation, it had none), the note saying why and giving the earlier translation', () => {
      const { xlf } = staleCopy();
      const xml = read(xlf);
      expect(xml.match(/<target[^>]*>/g)).toEqual(['<target state="needs-review-translation">']);
      expect(xml).toContain('<target state="needs-review-translation">Adopter ou actualiser des stratégies nationales de gestion intégrée des frontières assorties de <g id="g1" ctype="bold">plans d\'action chiffrés</g>');
      expect(xml).toContain('The source text changed since it was translated: the target is the earlier translation, of the earlier text.');
      expect(xml).toContain('Earlier translation: Adopter ou actualiser des stratégies nationales de gestion intégrée des frontières assorties de **plans d\'action chiffrés**');
    });

    it('given back unchanged stays stale, with its state or without one (a tool that drops states), and the summary says so (it was imported and marked current)', () => {
      for (const strip of [false, true]) {
        const { dir, xlf, translation } = staleCopy();
        if (strip) writeFileSync(xlf, read(xlf).replace(' state="needs-review-translation"', ''));
        const before = read(translation);
        const imported = runBin(['translations', 'import', xlf, '-p', dir]);
        expect(imported.code, imported.stderr).toBe(0);
        expect(imported.stderr).toMatch(/^Imported fr\.xlf \(fr\): 0 added, 0 changed, 0 unchanged, 1 still stale \(given back with the earlier translation of a changed text, neither edited nor confirmed: left as it was\), 0 not translated \(left as they were\), 0 refused\.$/m);
        expect(read(translation)).toBe(before);
        expect(stale(dir)).toBe('1');
      }
    });

    it('is applied once the translator edits it, or confirms it unchanged (state translated, final or signed-off)', () => {
      const edited = staleCopy();
      writeFileSync(edited.xlf, read(edited.xlf).replace('plans d\'action chiffrés</g>', 'plans d\'action chiffrés et financés</g>'));
      const imported = runBin(['translations', 'import', edited.xlf, '-p', edited.dir]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toMatch(/: 0 added, 1 changed, 0 unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
      expect(read(edited.translation)).toContain('**plans d\'action chiffrés et financés**');
      expect(stale(edited.dir)).toBe('0');
      for (const state of ['translated', 'final', 'signed-off']) {
        const confirmed = staleCopy();
        writeFileSync(confirmed.xlf, read(confirmed.xlf).replace('state="needs-review-translation"', `state="${state}"`));
        const result = runBin(['translations', 'import', confirmed.xlf, '-p', confirmed.dir]);
        expect(result.stderr).toMatch(/: 0 added, 1 changed, 0 unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
        expect(stale(confirmed.dir)).toBe('0');
      }
    });
  });

  it('writes a notes file named with “&” or “<” as well-formed XML, and imports its units back into that file (its original="…" was written unescaped: no tool could open the export)', async () => {
    const dir = copy();
    renameSync(path.join(dir, 'sessions/01-opening.yaml'), path.join(dir, 'sessions/q&a <1>.yaml'));
    const xlf = path.join(dir, 'fr.xlf');
    // The project folder as an argument, as `build DIR` takes it (commander refused it: "too many arguments").
    const exported = runBin(['translations', 'export', dir, '--lang', 'fr', '-o', xlf]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(read(xlf)).toContain('original="sessions/q&amp;a &lt;1&gt;.yaml"');
    expect(Object.keys((await xliff12ToJs(read(xlf))).resources)).toContain('sessions/q&a <1>.yaml');
    // A target as a translation tool writes it (the xliff library itself would write the original unescaped).
    const xml = read(xlf);
    const source = xml.indexOf('<source>Opening session</source>', xml.indexOf('original="sessions/q&amp;a')) + '<source>Opening session</source>'.length;
    writeFileSync(xlf, `${xml.slice(0, source)}<target>Séance d’ouverture (Q&amp;R)</target>${xml.slice(source)}`);
    const imported = runBin(['translations', 'import', xlf, dir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(read(path.join(dir, 'translations/fr/sessions/q&a <1>.yaml'))).toMatch(/^title:\n {2}source: [0-9a-f]{8}\n {2}text: Séance d’ouverture \(Q&R\)$/m);
    const twice = runBin(['translations', 'export', dir, '--lang', 'fr', '-p', path.join(dir, 'sessions')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('was given two project folders');
  });

  it('refuses a unit that is in the file twice with two different translations, located, and applies the others (the reader kept the last without a word)', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', dir, '--lang', 'fr', '--only', 'translated', '-o', xlf]).code).toBe(0);
    const xml = read(xlf);
    const start = xml.indexOf('<trans-unit id="title#');
    const end = xml.indexOf('</trans-unit>', start) + '</trans-unit>'.length;
    const unit = xml.slice(start, end);
    const other = unit.replace(/<target>([^<]*)<\/target>/, '<target>$1 (deuxième version)</target>');
    expect(other).not.toBe(unit);
    writeFileSync(xlf, `${xml.slice(0, end)}${other}${xml.slice(end)}`);
    const line = xml.slice(0, start).split('\n').length;
    const imported = runBin(['translations', 'import', xlf, dir]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(new RegExp(`fr\\.xlf:${line}:\\d+ warning fr\\.xlf: unit title#[0-9a-f]{8} of workshop\\.yaml is in the file twice, with two different translations; neither was applied\\. \\[duplicate-id\\]`));
    expect(imported.stderr).toMatch(/, 1 refused\.$/m);
    // The same unit twice, the same both times, is no problem.
    writeFileSync(xlf, `${xml.slice(0, end)}${unit}${xml.slice(end)}`);
    expect(runBin(['translations', 'import', xlf, dir]).code).toBe(0);
  });

  it('writes no file when no text is in the states asked for, and says so (it wrote an XLIFF with no <file>, which XLIFF 1.2 does not allow)', () => {
    const dir = copy();
    const xlf = path.join(dir, 'stale.xlf');
    const exported = runBin(['translations', 'export', '--lang', 'fr', '--only', 'stale', '-p', dir, '-o', xlf]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain(`No text of fr is stale: nothing to export, and ${xlf} was not written.`);
    expect(() => read(xlf)).toThrow();
  });

  it('names a unit whose text no longer exists (an id changed in the XLIFF) at its line in the XLIFF', async () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const xml = read(xlf);
    const id = /id="(summary#[0-9a-f]+)"/.exec(xml)![1]!;
    writeFileSync(xlf, xml.replace(`id="${id}"`, `id="summery${id.slice('summary'.length)}"`));
    const line = xml.slice(0, xml.indexOf(`id="${id}"`)).split('\n').length;
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.stderr).toMatch(new RegExp(`/fr\\.xlf:${line}:\\d+ warning fr\\.xlf: unit summery#[0-9a-f]+ of workshop\\.yaml translates a text that no longer exists; not applied\\. \\[orphan-translation\\]$`, 'm'));
    expect(imported.stderr).toContain('summery#');
  });

  it('says at import that a translation lost its source\'s emphasis (it was said only at the next validate)', async () => {
    const dir = copy();
    const imported = await translateOne(dir, undefined, 'summary#', 'Le Centre des Nations Unies a organisé un atelier régional à Rabat.');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/translations\/fr\/workshop\.yaml:\d+:\d+ warning .*\[translation-structure\]$/m);
    expect(imported.stderr).toMatch(/: 0 added, 1 changed, /m);
    // An import that writes another entry of that file does not say it again: it is not that import's.
    const next = await translateOne(dir, undefined, 'title#', 'Atelier régional (titre révisé)');
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('translation-structure');
  });

  it('refuses a translation that adds a tag its source does not have as translation-structure, not stale-translation (its text had not changed)', async () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const data = await xliff12ToJs(read(xlf));
    const units = data.resources['workshop.yaml']!;
    const [id, found] = Object.entries(units).find(([key]) => key.startsWith('summary#'))!;
    // A placeholder (<ph>, code or a formula the source does not have) added by the translator.
    units[id] = { ...found, target: [...(Array.isArray(found.source) ? found.source : [found.source]), ' ', { Span: { id: '99', ctype: 'x-code', contents: '`x`' } }] as XliffValue };
    writeFileSync(xlf, await jsToXliff12(data, { indent: '' }));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.stderr).toMatch(/warning fr\.xlf: unit summary#\w+ has markup its source does not have \([^)]*\); not applied\. \[translation-structure\]/);
    expect(imported.stderr).not.toContain('[stale-translation]');
  });

  it('reads targets that a translation tool split into segments (<mrk mtype="seg">, several in one target, around <g> spans and between paragraphs) as the unsplit text: every translation unchanged (it stopped on an internal error, "value.map is not a function")', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const split = read(xlf).replace(/<target>([\s\S]*?)<\/target>/g, (_, inner: string) => `<target>${segmented(inner)}</target>`);
    // Plain texts, Markdown with bold spans inside a segment, and texts of several sentences and paragraphs.
    expect(split).toMatch(/<target><mrk mtype="seg" mid="1">Atelier régional[^<]*<\/mrk><\/target>/);
    expect(split).toMatch(/<mrk mtype="seg" mid="1">[^<]*<g id="g1" ctype="bold">/);
    expect(split).toMatch(/<\/mrk> <mrk mtype="seg" mid="2">/);
    expect(split).toMatch(/<\/mrk><x id="x\d+" ctype="x-paragraph"\/><mrk mtype="seg" mid="\d+">/);
    writeFileSync(xlf, split);
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/^Imported fr\.xlf \(fr\): 0 added, 0 changed, \d+ unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });

  it('writes a segmented translation as one text, its segments joined in order with the space between them, whatever the marker (seg, term, protected)', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const target = (id: string, inner: string) => (xml: string) => xml.replace(new RegExp(`(<trans-unit id="${id}#[0-9a-f]+"><source>[\\s\\S]*?</source><target>)[\\s\\S]*?(</target>)`), `$1${inner}$2`);
    let xml = read(xlf);
    xml = target('title', '<mrk mtype="seg" mid="1">Atelier régional.</mrk> <mrk mtype="seg" mid="2">Sécurité des <mrk mtype="term">frontières</mrk>.</mrk>')(xml);
    // A segment that holds one bold span and nothing else.
    xml = target('recommendations\\.api-pnr\\.text', '<mrk mtype="seg" mid="1">Mettre en place des systèmes <g id="g1" ctype="bold">API</g> et</mrk> <mrk mtype="seg" mid="2"><g id="g2" ctype="bold">PNR</g></mrk><mrk mtype="protected" mid="3">.</mrk>')(xml);
    writeFileSync(xlf, xml);
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/: 0 added, 2 changed, \d+ unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
    expect(read(path.join(dir, 'translations/fr/workshop.yaml'))).toMatch(/^title:\n  source: "?[0-9a-f]{8}"?\n  text: Atelier régional\. Sécurité des frontières\.$/m);
    expect(read(path.join(dir, 'translations/fr/sessions/03-kst-initiatives.yaml'))).toMatch(/^recommendations\.api-pnr\.text:\n  source: "?[0-9a-f]{8}"?\n  text: Mettre en place des systèmes \*\*API\*\* et \*\*PNR\*\*\.$/m);
  });

  it('refuses a target with an element it does not read (<bpt>/<ept>), in a plain text or a Markdown one, located and named, and applies the others (a plain text took the tags\' codes as words)', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const paired = (xml: string, id: string) => xml.replace(new RegExp(`(<trans-unit id="${id}#[0-9a-f]+"><source>[\\s\\S]*?</source><target>)`), '$1<mrk mtype="seg" mid="1"><bpt id="1">&lt;b&gt;</bpt>Atelier<ept id="1">&lt;/b&gt;</ept></mrk> ');
    writeFileSync(xlf, paired(paired(read(xlf), 'title'), 'summary'));
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).not.toContain('internal error');
    for (const unit of ['title', 'summary']) {
      expect(imported.stderr).toMatch(new RegExp(`rabat-\\d+/workshop\\.yaml:\\d+:\\d+ warning fr\\.xlf: unit ${unit}#[0-9a-f]+ has markup its source does not have \\(<bpt>, an element workshop-report does not read[^)]*\\); not applied\\. \\[translation-structure\\]$`, 'm'));
    }
    expect(imported.stderr).toMatch(/: 0 added, 0 changed, \d+ unchanged, 0 not translated \(left as they were\), 2 refused\.$/m);
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });

  it('refuses formatting added to the translation of a plain text (a title), which cannot show it: its words were taken without it, without a word', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    writeFileSync(xlf, read(xlf).replace(/(<trans-unit id="short_title#[0-9a-f]+"><source>[^<]*<\/source><target>)([^<]*)/, '$1Atelier sur la <g id="1" ctype="bold">gestion</g> des frontières'));
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.stderr).toMatch(/workshop\.yaml:\d+:\d+ warning fr\.xlf: unit short_title#[0-9a-f]+ has markup its source does not have \(<g> in the translation of a plain text, which shows no formatting\); not applied\. \[translation-structure\]$/m);
    expect(imported.stderr).toContain('hint: Take the formatting out of the translation (this text is plain, as a title or a name is), then import again.');
    expect(imported.stderr).toMatch(/, 1 refused\.$/m);
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });

  it('applies bold or a paragraph a translator adds to an (md) text, saying the structure differs, and refuses a span Markdown cannot show (it became italics) or a link the source does not have', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const target = (id: string, change: (inner: string) => string) => (xml: string) => xml.replace(new RegExp(`(<trans-unit id="${id}#[0-9a-f]+"><source>[^<]*</source><target>)([^<]*)`), (_, start: string, inner: string) => start + change(inner));
    let xml = read(xlf);
    xml = target('objectives\\.0', (inner) => inner.replace('tendances', '<g id="g1" ctype="bold">tendances</g>'))(xml);
    xml = target('objectives\\.1', (inner) => inner.replace(/\. ?$/, '.<x id="x1" ctype="x-paragraph"/>Deuxième paragraphe.'))(xml);
    xml = target('objectives\\.2', (inner) => inner.replace('gestion', '<g id="g1" ctype="underlined">gestion</g>'))(xml);
    xml = target('objectives\\.3', (inner) => inner.replace('recommandations', '<g id="g7" ctype="x-link">recommandations</g>'))(xml);
    writeFileSync(xlf, xml);
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).toMatch(/: 0 added, 2 changed, \d+ unchanged, 0 not translated \(left as they were\), 2 refused\.$/m);
    const translation = read(path.join(dir, 'translations/fr/workshop.yaml'));
    expect(translation).toMatch(/^objectives\.0:\n  source: "?[0-9a-f]{8}"?\n  text: Faire le point sur les \*\*tendances\*\* /m);
    expect(translation).toMatch(/^objectives\.1:\n  source: "?[0-9a-f]{8}"?\n  text: \|-?\n    .*\.\n\n    Deuxième paragraphe\.\n/m);
    expect(imported.stderr).toMatch(/translations\/fr\/workshop\.yaml:\d+:\d+ warning The translation has 1 bold passage where the source has 0\. \[translation-structure\]/);
    expect(imported.stderr).toMatch(/translations\/fr\/workshop\.yaml:\d+:\d+ warning The translation has 2 paragraphs where the source has 1\. \[translation-structure\]/);
    expect(imported.stderr).toMatch(/warning fr\.xlf: unit objectives\.2#[0-9a-f]+ has markup its source does not have \(a <g> span of ctype “underlined”, which Markdown cannot show \(it shows bold, italic and x-strike\)\); not applied\. \[translation-structure\]$/m);
    expect(imported.stderr).toMatch(/warning fr\.xlf: unit objectives\.3#[0-9a-f]+ has markup its source does not have \(the link g7 is not in the source\); not applied\. \[translation-structure\]$/m);
  });

  it('takes away the white space a translation tool kept at a target\'s and each paragraph\'s edges, keeping a non-breaking space (each space became a literal &#x20; in the translation file and the report)', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const xml = read(xlf);
    const target = (file: string, id: string, inner: string) => (text: string) => {
      const at = text.indexOf(`<trans-unit id="${id}#`, text.indexOf(`<file original="${file}"`));
      const start = text.indexOf('<target>', at);
      return text.slice(0, start) + `<target xml:space="preserve">${inner}</target>` + text.slice(text.indexOf('</target>', start) + '</target>'.length);
    };
    const session = 'sessions/04-ibm-action-plans.yaml';
    writeFileSync(xlf, target(session, 'title', '\n   Gestion intégrée des frontières  ')(target(session, 'key_points.1', '  Les plans d\'action sont souvent adoptés sans budget&#160;!<x id="x9" ctype="x-paragraph"/>Deuxième paragraphe.  ')(xml)));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.stderr).toMatch(/: 0 added, 2 changed, /m);
    const translation = read(path.join(dir, 'translations/fr', session));
    expect(translation).not.toContain('&#x');
    expect(translation).toMatch(/^title:\n  source: "[0-9a-f]{8}"\n  text: Gestion intégrée des frontières\n/m);
    expect(translation).toContain('key_points.1:\n  source: "de2c1df7"\n  text: |-\n    Les plans d\'action sont souvent adoptés sans budget\u00a0!\n\n    Deuxième paragraphe.\n');
    expect(runBin(['build', dir, '--format', 'md', '--out', path.join(dir, 'out')]).code).toBe(0);
    const report = read(path.join(dir, 'out/fr/public/report.md'));
    expect(report).not.toContain('&#x20;');
    // (French typography makes the space before “!” a narrow one.)
    expect(report).toContain('\n- Les plans d\'action sont souvent adoptés sans budget\u202f!\n\n  Deuxième paragraphe.\n');
  });

  it('gives a translation whose links are in another order than the source\'s back untouched as it was (the export numbered its links in its own order, and the import swapped their addresses)', () => {
    const dir = copy();
    const english = 'Take stock of [resolution 2178](https://undocs.org/S/RES/2178(2014)) and [resolution 2396](https://undocs.org/S/RES/2396(2017)).';
    edit(path.join(dir, 'workshop.yaml'), /^ {2}- Take stock of .*$/m, `  - ${english}`);
    const file = path.join(dir, 'translations/fr/workshop.yaml');
    edit(file, /^objectives\.0:\n.*\n.*\n/m, `objectives.0:\n  source: "${fingerprint(english)}"\n  text: Faire le point sur la [résolution 2396](https://undocs.org/S/RES/2396\\(2017\\)) et la [résolution 2178](https://undocs.org/S/RES/2178\\(2014\\)).\n`);
    expect(runBin(['validate', dir]).stderr).toMatch(/^fr: (\d+) of \1 texts translated, 0 missing, 0 stale$/m);
    const before = read(file);
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/: 0 added, 0 changed, \d+ unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
    expect(read(file)).toBe(before);
  });

  it('refuses a target holding an element the XLIFF reader drops with its words (<it>, a tool\'s own <mq:ch>), naming it, where the words went missing from the translation without a word', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const wrapped = (id: string, open: string, close: string) => (xml: string) => xml.replace(new RegExp(`(<trans-unit id="${id}#[0-9a-f]+"><source>[\\s\\S]*?</source><target>)(\\S+) `), `$1${open}$2${close} `);
    let xml = wrapped('short_title', '<it pos="open" id="i1">', '</it>')(read(xlf));
    xml = wrapped('objectives\\.0', '<mq:ch xmlns:mq="MQXliff">', '</mq:ch>')(xml);
    writeFileSync(xlf, xml);
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).toMatch(/workshop\.yaml:4:\d+ warning fr\.xlf: unit short_title#[0-9a-f]+ has markup its source does not have \(<it>, an element workshop-report does not read: it reads <g>, <x\/>, <ph> and <mrk>\); not applied\. \[translation-structure\]$/m);
    expect(imported.stderr).toMatch(/workshop\.yaml:\d+:\d+ warning fr\.xlf: unit objectives\.0#[0-9a-f]+ has markup its source does not have \(<mq:ch>, an element workshop-report does not read/m);
    expect(imported.stderr).toMatch(/, 2 refused\.$/m);
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });

  it('imports an XLIFF a translation tool saved as UTF-16 (with its byte-order mark, either byte order), where it was refused as not whole XML', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const xml = read(xlf).replace('encoding="UTF-8"', 'encoding="UTF-16"').replace(/(<trans-unit id="short_title#[0-9a-f]+"><source>[^<]*<\/source><target>)[^<]*/, '$1Atelier « frontières » à Rabat');
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const big = Buffer.from(little);
    for (let i = 0; i < big.length; i += 2) [big[i], big[i + 1]] = [big[i + 1]!, big[i]!];
    for (const bytes of [little, big]) {
      const copyDir = copy();
      writeFileSync(path.join(copyDir, 'fr16.xlf'), bytes);
      const imported = runBin(['translations', 'import', path.join(copyDir, 'fr16.xlf'), '-p', copyDir]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toMatch(/: 0 added, 1 changed, \d+ unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
      expect(read(path.join(copyDir, 'translations/fr/workshop.yaml'))).toMatch(/^short_title:\n  source: "?[0-9a-f]{8}"?\n  text: Atelier « frontières » à Rabat$/m);
    }
  });

  it('imports a file whose target-language is a regional variant of the report\'s translation language, as translation tools write it (fr-FR, fr_CA, FR)', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const exported = read(xlf);
    for (const code of ['fr-FR', 'fr_CA', 'FR']) {
      writeFileSync(xlf, exported.replaceAll('target-language="fr"', `target-language="${code}"`).replace(/(<trans-unit id="title#[0-9a-f]+"><source>[^<]*<\/source><target>)[^<]*/, `$1Atelier régional (${code})`));
      const imported = runBin(['translations', 'import', xlf, '-p', dir]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toMatch(/^Imported fr\.xlf \(fr\): 0 added, 1 changed, \d+ unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
      expect(read(path.join(dir, 'translations/fr/workshop.yaml'))).toContain(`  text: Atelier régional (${code})\n`);
    }
  });

  it('tells a file into a language the report has no translation in to set its target-language to the report\'s (the hint said to add es-ES to workshop.yaml, which takes no such code)', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const exported = read(xlf);
    const before = snapshot(path.join(dir, 'translations'));
    writeFileSync(xlf, exported.replaceAll('target-language="fr"', 'target-language="es-ES"'));
    const spanish = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(spanish.code, spanish.stderr).toBe(2);
    expect(spanish.stderr).toContain('fr.xlf is a translation into es-ES, which is not one of the report\'s translation languages (fr). Nothing was imported.');
    expect(spanish.stderr).toContain('hint: Set the file\'s target-language to the report\'s translation language (target-language="fr" on each <file>), or import the file made for this project.');
    expect(spanish.stderr).not.toContain('workshop.yaml');
    // The notes' own language (English, in any case or region): a translation into it translates nothing.
    writeFileSync(xlf, exported.replaceAll('target-language="fr"', 'target-language="en-GB"'));
    const english = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(english.code, english.stderr).toBe(2);
    expect(english.stderr).toContain('fr.xlf is a translation into en-GB, the language the notes are written in. Nothing was imported.');
    expect(english.stderr).toContain('hint: Set the file\'s target-language to the report\'s translation language (target-language="fr" on each <file>), or import the file made for this project.');
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });

  it('keeps the comments of a translation file it imports into, and how its untouched values are written (the file was written anew: a reviewer\'s notes were lost)', async () => {
    const dir = copy();
    const file = path.join(dir, 'translations/fr/workshop.yaml');
    const original = read(file);
    const commented = original.replace(/^subtitle:$/m, '# Reviewed by M. Diallo, 3 June.\nsubtitle:   # TODO: the ministry\'s wording');
    writeFileSync(file, commented);
    const imported = await translateOne(dir, 'translated', 'title#', 'Atelier régional (titre révisé)');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/: 0 added, 1 changed, \d+ unchanged, \d+ not translated \(left as they were\), 0 refused\.$/m);
    const after = read(file);
    // The comments are kept (the one after `subtitle:` moves to the line below it, as the YAML library writes it).
    expect(after).toContain('# Reviewed by M. Diallo, 3 June.\nsubtitle:\n  # TODO: the ministry\'s wording\n');
    expect(after.split('\n')[0]).toBe('# Traduction française de workshop.yaml');
    expect(after).toMatch(/^title:\n  source: "[0-9a-f]{8}"\n  text: Atelier régional \(titre révisé\)$/m);
    // Every other entry is written as it was: the file differs in the title's text and that comment only.
    const unchanged = (text: string) => text.replace(/^title:\n(  .*\n)+/m, '').replace(/^subtitle:.*\n(  # .*\n)?/m, 'subtitle:\n');
    expect(unchanged(after)).toBe(unchanged(commented));
  });

  it('adds a new translation after the entry that comes before it in the source, not at the end of the file', async () => {
    const dir = copy();
    const file = path.join(dir, 'translations/fr/workshop.yaml');
    const without = read(file).replace(/^subtitle:\n(  .*\n)+/m, '');
    writeFileSync(file, without);
    const imported = await translateOne(dir, 'missing', 'subtitle#', 'Renforcer les capacités (sous-titre)');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/: 1 added, 0 changed, \d+ unchanged, \d+ not translated \(left as they were\), 0 refused\.$/m);
    const keys = read(file).split('\n').filter((line) => /^\S.*:$/.test(line));
    expect(keys.slice(0, 3)).toEqual(['title:', 'subtitle:', 'short_title:']);
    expect(read(file)).toMatch(/^subtitle:\n  source: "[0-9a-f]{8}"\n  text: Renforcer les capacités \(sous-titre\)\n/m);
  });

  it('keeps the file\'s header on top when the first entry is new (the header was on the first key, and went down with it)', async () => {
    const dir = copy();
    const file = path.join(dir, 'translations/fr/workshop.yaml');
    const edited = read(file).replace(/^title:\n(  .*\n)+/m, '');
    expect(edited.split('\n').slice(0, 2)).toEqual(['# Traduction française de workshop.yaml', 'subtitle:']);
    writeFileSync(file, edited);
    const imported = await translateOne(dir, undefined, 'title#', 'Atelier (titre)');
    expect(imported.code, imported.stderr).toBe(0);
    const after = read(file);
    expect(after.split('\n')[0]).toBe('# Traduction française de workshop.yaml');
    expect(after).toMatch(/^title:\n  source: "[0-9a-f]{8}"\n  text: Atelier \(titre\)\nsubtitle:\n/m);
  });

  it('says that the notes\' own language has nothing to translate into, and that a programme is not a workshop (the hints said `languages: [en, en]`, and to pass the folder as an argument)', () => {
    const dir = copy();
    const own = runBin(['translations', 'export', '--lang', 'en', '-p', dir, '-o', path.join(dir, 'en.xlf')]);
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('en is the language the notes are written in: there is nothing to translate into it.');
    expect(own.stderr).toContain('hint: Give one of the report\'s translation languages: --lang fr.');
    const programme = path.join(ROOT, 'examples/sahel-programme');
    const result = runBin(['translations', 'export', '--lang', 'fr', '-p', programme, '-o', path.join(dir, 'p.xlf')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${programme} is a programme (it holds programme.yaml), and this command works on one workshop.`);
  });

  it('says what a file that is not XLIFF 1.2 is: XLIFF 2.0, or other XML (it printed a JavaScript error)', () => {
    const dir = copy();
    const two = path.join(dir, 'fr2.xlf');
    writeFileSync(two, '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f1"></file></xliff>\n');
    const result = runBin(['translations', 'import', two, '-p', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fr2.xlf is an XLIFF 2.0 file; workshop-report reads XLIFF 1.2, the version it exports. Nothing was imported.');
    expect(result.stderr).toContain('save or export it as XLIFF 1.2');
    const other = path.join(dir, 'page.xlf');
    writeFileSync(other, '<html><body>Not a translation</body></html>\n');
    const html = runBin(['translations', 'import', other, '-p', dir]);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('page.xlf is not an XLIFF file: its root element is <html>, not <xliff>. Nothing was imported.');
    expect(html.stderr).not.toMatch(/Cannot read properties/);
    // A path mistyped: said in words (it printed Node's "ENOENT: no such file or directory, open '…'").
    const missing = runBin(['translations', 'import', path.join(dir, 'fr-back.xlf'), '-p', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*fr-back\.xlf: no such file or folder \(ENOENT\)\.\nhint: Check the path\. Give the path of the XLIFF file the translator sent back\./);
    expect(missing.stderr).not.toContain(', open ');
  });

  it('refuses a file cut short (a transfer that stopped) and writes nothing, rather than import the text up to the cut', () => {
    const dir = copy();
    const xlf = path.join(dir, 'fr.xlf');
    expect(runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]).code).toBe(0);
    const whole = readFileSync(xlf, 'utf8');
    // Cut inside the summary's translation, as a failed download would.
    writeFileSync(xlf, whole.slice(0, whole.indexOf('organisations', whole.indexOf('<trans-unit id="summary'))));
    const before = readFileSync(path.join(dir, 'translations/fr/workshop.yaml'), 'utf8');
    const result = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fr.xlf is not a whole XML file (it ends before its elements are closed: cut short?). Nothing was imported.');
    expect(result.stderr).toContain('hint: Ask for the file again, as the translation tool saved it: it should end with </xliff>.');
    expect(readFileSync(path.join(dir, 'translations/fr/workshop.yaml'), 'utf8')).toBe(before);
  });
});

describe('a mistake in a source file is reported once, not again by its translations', () => {
  it('a renamed session file: one error at its translation, naming where it should go, and its texts are not each "missing"', () => {
    const dir = copy();
    renameSync(path.join(dir, 'sessions/03-kst-initiatives.yaml'), path.join(dir, 'sessions/03-known-suspected.yaml'));
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/ (error|warning) .*\[[a-z-]+\]$/gm)?.map((line) => /\[([a-z-]+)\]$/.exec(line)![1])).toEqual(['orphan-translation']);
    expect(result.stderr).toMatch(/translations\/fr\/sessions\/03-kst-initiatives\.yaml:\d+:1 error This translates sessions\/03-kst-initiatives\.yaml, which does not exist\./);
    expect(result.stderr).toContain('hint: Was sessions/03-kst-initiatives.yaml renamed sessions/03-known-suspected.yaml? Then rename this file translations/fr/sessions/03-known-suspected.yaml: its texts are keyed the same.');
    // A session deleted and another never translated are no rename: its texts are missing (one warning for the file, counting them).
    const other = copy();
    rmSync(path.join(other, 'sessions/07-field-visit-tanger-med.yaml'));
    rmSync(path.join(other, 'translations/fr/sessions/06-human-rights-borders.yaml'));
    const unrelated = runBin(['validate', other]);
    expect(unrelated.stderr).not.toContain('renamed');
    expect(unrelated.stderr.match(/sessions\/06-human-rights-borders\.yaml:\d+:\d+ warning No French translation of this file \(translations\/fr\/sessions\/06-human-rights-borders\.yaml does not exist\): the French report shows its (\d+) texts in English\./)?.[1]).toMatch(/^[1-9]\d$/);
    // Renamed as said, everything is translated again.
    renameSync(path.join(dir, 'translations/fr/sessions/03-kst-initiatives.yaml'), path.join(dir, 'translations/fr/sessions/03-known-suspected.yaml'));
    expect(runBin(['validate', dir]).code).toBe(0);
  });

  it('a session file and its translation named with the same accent written two ways (e + U+0301, as macOS names files, and é) are one file: translated, no orphan', () => {
    const dir = copy();
    renameSync(path.join(dir, 'sessions/03-kst-initiatives.yaml'), path.join(dir, 'sessions/03-kst-se\u0301ance.yaml'));
    renameSync(path.join(dir, 'translations/fr/sessions/03-kst-initiatives.yaml'), path.join(dir, 'translations/fr/sessions/03-kst-s\u00e9ance.yaml'));
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('orphan-translation');
    expect(result.stderr).toMatch(/^fr: (\d+) of \1 texts translated, 0 missing, 0 stale$/m);
  });

  it('a YAML error that drops a recommendation gives one error, not an orphan translation too', () => {
    const dir = copy();
    // An unquoted ": " in a rapporteur's text: the item is lost to the syntax error.
    edit(path.join(dir, 'sessions/05-terrorism-toc-nexus.yaml'), 'Make use of **joint investigation teams**', 'Make use of **joint investigation teams** (note: JITs)');
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/ error .*\[[a-z-]+\]$/gm)?.map((line) => /\[([a-z-]+)\]$/.exec(line)![1])).toEqual(['yaml-syntax']);
    // At the “: ” that makes a key of the text before it, with the value to write in quotes.
    expect(result.stderr).toMatch(/sessions\/05-terrorism-toc-nexus\.yaml:\d+:58 error YAML syntax error: this “: ” makes YAML read “Make use of \*\*joint investigation teams…” as a key/);
  });
});
