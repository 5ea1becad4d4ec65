import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, editFile, listFiles, remove, runBin, runInProcess, tempDir } from '../helpers/run-cli.js';
import { allText, openPdf } from '../typeset/read-pdf.js';
import { readDocx, wordText } from '../docx/read-docx.js';

const work = tempDir('wr-programme-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');
let copies = 0;
/** The programme example with its two workshops, side by side as in examples/. */
function copy(): string {
  const dir = path.join(work, `copy-${++copies}`);
  for (const name of ['sahel-programme', 'rabat-2022', 'niamey-2022']) copyTree(path.join(ROOT, 'examples', name), path.join(dir, name));
  for (const name of ['sahel-programme', 'rabat-2022', 'niamey-2022']) remove(path.join(dir, name, 'out'));
  return path.join(dir, 'sahel-programme');
}
/** programme.json as `workshop-report schema programme-export` says (ajv, strict, formats checked). */
function expectExportValid(data: unknown): void {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv, ['date']);
  const schema = runBin(['schema', 'programme-export']);
  expect(schema.code).toBe(0);
  const validateExport = ajv.compile(JSON.parse(schema.stdout));
  expect(validateExport(data), JSON.stringify(validateExport.errors)).toBe(true);
}
const statusOf = (ics: string, uid: string) => String(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vtodo').find((todo) => todo.getFirstPropertyValue('uid') === uid)?.getFirstPropertyValue('status'));
const uids = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vtodo').map((todo) => String(todo.getFirstPropertyValue('uid')));

describe('a programme of workshops', () => {
  it('builds both workshops into their own folders and the programme\'s documents and exports, the same as committed', () => {
    const dir = copy();
    const result = runBin(['build', dir, '--verbose']);
    expect(result.code, result.stderr).toBe(0);
    // --verbose: the time of each part of the programme's build.
    expect(result.stderr).toMatch(/^ {2}workshops +\d+ ms\n {2}roll-up +\d+ ms\n {2}documents +\d+ ms\n {2}write +\d+ ms$/m);
    expect(runBin(['validate', dir, '--verbose']).stderr).toMatch(/^ {2}workshops +\d+ ms$/m);
    expect(existsSync(path.join(dir, '../rabat-2022/out/en/public/report.md'))).toBe(true);
    expect(existsSync(path.join(dir, '../niamey-2022/out/report.md'))).toBe(true);
    const files = listFiles(path.join(dir, 'out')).filter((f) => !f.startsWith('.'));
    expect(files).toEqual(['actions.csv', 'actions.ics', 'actions.md', 'countries/BFA.md', 'countries/GHA.md', 'countries/MLI.md', 'countries/NER.md', 'overview.md', 'programme.json', 'recurring.md']);
    const committed = path.join(ROOT, 'examples/sahel-programme/out');
    for (const file of files) expect(read(path.join(dir, 'out', file)), `examples/sahel-programme/out/${file} is not what a build writes: rebuild with \`npx workshop-report build examples/sahel-programme\``).toBe(read(path.join(committed, file)));
    const overview = read(path.join(dir, 'out/overview.md'));
    expect(overview).toMatch(/^\| \[Border Security Management Workshop\]\(\.\.\/\.\.\/rabat-2022\/out\/en\/public\/report\.md\) \| 9–13 May 2022 \| Rabat, Morocco \| Burkina Faso, Ghana, Mali and Niger \| 31 \| 32% \|$/m);
    expect(overview).toContain('<!-- wr:chart stacked-bars');
    // The dossier of Niger: recommendations of both workshops, with the status of the actions implementing them.
    const niger = read(path.join(dir, 'out/countries/NER.md'));
    expect(niger).toMatch(/^## Regional Workshop on Good Practices in Border Security Management/m);
    // Niamey's title is French, in an English dossier: marked as its texts are (screen readers, hyphenation).
    expect(niger).toMatch(/^## <span lang="fr">Atelier national de suivi [^<]*<\/span> \(28–30 November 2022\)$/m);
    expect(overview).toMatch(/^\| \[<span lang="fr">Atelier de suivi de Niamey<\/span>\]\(\.\.\/\.\.\/niamey-2022\/out\/report\.md\) \| 28–30 November 2022 \|/m);
    expect(niger).toMatch(/A2: In progress/);
    // The progress Rabat's follow-up reports give on its recommendations in Niger (it was in no programme document).
    expect(niger).toContain('Progress on recommendations: R5: In progress (15 November 2022).');
    // Recurring recommendations: Niamey's closing session links two of its recommendations to Rabat's (same_as: rabat-2022:…).
    const recurring = read(path.join(dir, 'out/recurring.md'));
    expect(recurring).toContain('*Raised at Rabat 2022 as R1; also raised at Niamey 2022 as R1.*');
    expect(recurring).toContain('*Raised at Rabat 2022 as R14; also raised at Niamey 2022 as R8.*');
    expect(niger).toMatch(/^\| \*\*R14\*\* \| Designate national focal points .* \*\(also raised at Niamey 2022 as R8\)\* \| /m);
    // Niamey's notes are French only: its texts in the English dossier say so (Rabat's are English).
    expect(niger).toMatch(/^\| \*\*R8\*\* \| <span lang="fr">Désigner dans chaque pays un point focal .*<\/span> \*\(also raised at Rabat 2022 as R14\)\* \| /m);
    expect(overview).toContain('- [Recurring recommendations](recurring.md)');
  });

  it('says why it fails on warnings alone (--strict, --max-warnings), as a workshop does: it printed nothing with -q', () => {
    const dir = copy();
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, read(session).replace(/due: .*/, 'due: 2022-01-30'));
    for (const [args, why] of [[['build', dir, '--strict', '-q'], /^Failed: --strict treats the 1 warning as errors\.$/m], [['validate', dir, '--max-warnings', '0', '-q'], /^Failed: 1 warning, more than --max-warnings 0\.$/m]] as const) {
      const result = runBin([...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(why);
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('keeps an action\'s text a text in actions.csv when it begins like a formula (=HYPERLINK(…) ran in Excel)', () => {
    const dir = copy();
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, read(session).replace(/text: (Installer les comités locaux.*)$/m, 'text: \'=HYPERLINK("http://x") $1\''));
    const built = runBin(['build', dir]);
    expect(built.code, built.stderr).toBe(0);
    expect(read(path.join(dir, 'out/actions.csv'))).toContain('niamey-2022,comites-locaux-pilotes,A2,"\'=HYPERLINK(""http://x"") Installer les comités locaux');
  });

  it('exports actions.csv that a spreadsheet opens with its accents, actions.ics with stable UIDs, and programme.json as its schema says', () => {
    const dir = copy();
    expect(runBin(['build', dir]).code).toBe(0);
    const csv = read(path.join(dir, 'out/actions.csv'));
    expect(csv.startsWith('\uFEFFworkshop,id,label,text,owner,due,status,overdue,as_of\r\n')).toBe(true);
    expect(csv).toContain('niamey-2022,comites-locaux-pilotes,A2,Installer les comités locaux de sécurité frontalière pilotes');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 15);
    const first = uids(read(path.join(dir, 'out/actions.ics')));
    expect(first).toHaveLength(15);
    // Blocked: still to do, the words say why.
    expect(statusOf(read(path.join(dir, 'out/actions.ics')), 'rabat-2022.ibm-national-workshops@workshop-report')).toBe('NEEDS-ACTION');
    // A done action stays, completed: importing the file closes the task an earlier import opened.
    expect(statusOf(read(path.join(dir, 'out/actions.ics')), 'rabat-2022.circulate-report@workshop-report')).toBe('COMPLETED');
    // A later report closes one action: a rebuild keeps every task's UID, so a calendar updates them, and closes that one.
    writeFileSync(path.join(dir, '../rabat-2022/follow-up/2023-06-30.yaml'), 'date: 2023-06-30\nreported_by: uncct\nupdates:\n  - action: ibm-national-workshops\n    status: done\n');
    expect(runBin(['build', dir]).code).toBe(0);
    const again = read(path.join(dir, 'out/actions.ics'));
    // (In another order: the study visit, due 31 May 2023, is overdue as of 30 June.)
    expect([...uids(again)].sort()).toEqual([...first].sort());
    expect(statusOf(again, 'rabat-2022.ibm-national-workshops@workshop-report')).toBe('COMPLETED');
    expect(String(new ICAL.Component(ICAL.parse(again)).getAllSubcomponents('vtodo').find((todo) => todo.getFirstPropertyValue('uid') === 'rabat-2022.ibm-national-workshops@workshop-report')!.getFirstPropertyValue('description'))).toMatch(/\nStatus: Done$/);
    const data = JSON.parse(read(path.join(dir, 'out/programme.json')));
    expectExportValid(data);
    expect(data.counts.workshops).toBe(2);
    expect(data.recurring.map((group: { raised: Array<{ workshop: string; label: string }> }) => group.raised.map((r) => `${r.workshop} ${r.label}`))).toEqual([['rabat-2022 R1', 'niamey-2022 R1'], ['rabat-2022 R14', 'niamey-2022 R8']]);
    // Each action names the recommendations it implements with their ids, which a script can look up (labels alone could not be).
    const study = (data.actions as Array<{ id?: string; recommendations: string[]; recommendation_refs: Array<{ label: string; id?: string }> }>).find((action) => action.id === 'i247-feasibility-study')!;
    expect(study.recommendations).toEqual(['R5', 'R6']);
    expect(study.recommendation_refs).toEqual([{ label: 'R5', id: 'cl-traveller-data' }, { label: 'R6', id: 'interpol-i247-extension' }]);
  });

  it('says the same of an action whose workshop has no follow-up report in every export: no status known', () => {
    const dir = copy();
    remove(path.join(dir, '../niamey-2022/follow-up'));
    expect(runBin(['build', dir]).code).toBe(0);
    const row = read(path.join(dir, 'out/actions.csv')).split('\r\n').find((line) => line.startsWith('niamey-2022,comites-locaux-pilotes,'))!;
    // Its status and as_of cells are blank; it is not called overdue.
    expect(row).toMatch(/,2023-06-30,,no,$/);
    const register = read(path.join(dir, 'out/actions.md')).split('\n').find((line) => line.includes('Installer les comités locaux'))!;
    expect(register).toMatch(/\| — \|$/);
    const data = JSON.parse(read(path.join(dir, 'out/programme.json')));
    expectExportValid(data);
    // It was "not-started" here alone: a claim no report made.
    const action = data.actions.find((a: { workshop: string; id?: string }) => a.workshop === 'niamey-2022' && a.id === 'comites-locaux-pilotes');
    expect(action).not.toHaveProperty('status');
    expect(data.actions.find((a: { id?: string }) => a.id === 'ibm-national-workshops').status).toBe('blocked');
    const todo = new ICAL.Component(ICAL.parse(read(path.join(dir, 'out/actions.ics')))).getAllSubcomponents('vtodo').find((t) => t.getFirstPropertyValue('uid') === 'niamey-2022.comites-locaux-pilotes@workshop-report')!;
    expect(String(todo.getFirstPropertyValue('status'))).toBe('NEEDS-ACTION');
    expect(String(todo.getFirstPropertyValue('description'))).not.toMatch(/Status/);
  });

  it('exports an action whose text is wrapped over lines, or has paragraphs and a list, as one row of actions.csv and a one-line calendar title', () => {
    const dir = copy();
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, `${read(session)}  - id: wrapped-text
    text: |
      Organiser une deuxième mission conjointe
      aux postes frontières du nord.
    owner: uncct
    due: 2023-02-01
  - id: rich-text
    text: |
      Préparer le **rapport** de mission et le publier sur [le site](https://un.org/sahel).

      Il couvrira :

      - item one
      - item two
    owner: uncct
    due: 2023-02-15
`);
    const built = runBin(['build', dir]);
    expect(built.code, built.stderr).toBe(0);
    // Read as Excel or Python's csv module reads it: CR, LF and CRLF each end a row outside quotes (each line break split the action's row).
    const rows = parse(read(path.join(dir, 'out/actions.csv')), { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
    expect(rows.map((row) => row.length)).toEqual(Array(1 + 17).fill(9));
    const text = (id: string) => rows.find((row) => row[1] === id)![3];
    expect(text('wrapped-text')).toBe('Organiser une deuxième mission conjointe aux postes frontières du nord.');
    expect(text('rich-text')).toBe('Préparer le rapport de mission et le publier sur le site (https://un.org/sahel). Il couvrira : item one item two');
    const summary = (id: string) => String(new ICAL.Component(ICAL.parse(read(path.join(dir, 'out/actions.ics')))).getAllSubcomponents('vtodo').find((todo) => todo.getFirstPropertyValue('uid') === `niamey-2022.${id}@workshop-report`)!.getFirstPropertyValue('summary'));
    expect(summary('wrapped-text')).toMatch(/: Organiser une deuxième mission conjointe aux postes frontières du nord\.$/);
    expect(summary('rich-text')).toMatch(/: Préparer le rapport de mission et le publier sur le site \(https:\/\/un\.org\/sahel\)\. Il couvrira : item one item two$/);
  });

  it('is checked before anything is written: a missing workshop folder, listed at its line', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'programme.yaml'), read(path.join(dir, 'programme.yaml')).replace('  - ../niamey-2022', '  - ../niamey-2022\n  - ../dakar-2023'));
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sahel-programme\/programme\.yaml:16:5 error \.\.\/dakar-2023 does not exist\. \[broken-link\]/);
    expect(result.stderr).toContain('hint: Give the folder of a workshop, relative to programme.yaml (e.g. ../rabat-2022), or remove this line until the workshop has its notes.');
    // A folder there without its notes yet; a name near one listed already is not suggested (it is listed).
    mkdirSync(path.join(dir, '../dakar-2023'));
    writeFileSync(path.join(dir, 'programme.yaml'), read(path.join(dir, 'programme.yaml')).replace('  - ../dakar-2023', '  - ../dakar-2023\n  - ../niamey-2023'));
    const again = runBin(['validate', dir]);
    expect(again.stderr).toMatch(/programme\.yaml:16:5 error \.\.\/dakar-2023 holds no workshop\.yaml\. \[broken-link\]/);
    expect(again.stderr).toMatch(/programme\.yaml:17:5 error \.\.\/niamey-2023 does not exist\. \[broken-link\]/);
    expect(again.stderr).not.toContain('Did you mean “../niamey-2022”');
    expect(runBin(['build', dir]).code).toBe(1);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(existsSync(path.join(dir, '../rabat-2022/out'))).toBe(false);
  });

  it('says programme.yaml saved as UTF-16 (Notepad\'s “Unicode”) is not UTF-8, as a workshop\'s notes are told, where it printed 3 KB of \\u0000', () => {
    const dir = copy();
    const text = read(path.join(dir, 'programme.yaml'));
    writeFileSync(path.join(dir, 'programme.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const command of ['validate', 'build']) {
      const result = runBin([command, dir]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/sahel-programme\/programme\.yaml:1:1 error The file is encoded as UTF-16, not UTF-8\. \[encoding\]/);
      expect(result.stderr).not.toContain('\\u0000');
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('says whose action or recommendation a follow-up report names when it is another workshop\'s, and where the report belongs, with or without the cache', () => {
    const dir = copy();
    writeFileSync(path.join(dir, '../niamey-2022/follow-up/2024-06-15.yaml'), 'date: 2024-06-15\nreported_by: NER\nupdates:\n  - action: circulate-report\n    status: done\n  - recommendation: api-pnr\n    country: NER\n    status: done\n');
    for (const options of [[], ['--cache'], ['--cache']]) {
      const result = runBin(['validate', dir, ...options]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/niamey-2022\/follow-up\/2024-06-15\.yaml:4:13 error No action has the id “circulate-report”\. \[unknown-action\]\n[\s\S]*?hint: “circulate-report” is an action of rabat-2022: this report belongs in \.\.\/rabat-2022\/follow-up\/ \(move it there\), or name an action of this workshop\./);
      // A recommendation of Rabat's too (it only said to use a recommendation of this workshop).
      expect(result.stderr).toMatch(/niamey-2022\/follow-up\/2024-06-15\.yaml:6:21 error No recommendation has the id “api-pnr”\. \[unknown-recommendation\]\n[\s\S]*?hint: “api-pnr” is a recommendation of rabat-2022: this report belongs in \.\.\/rabat-2022\/follow-up\/ \(move it there\), or name a recommendation of this workshop\./);
    }
    // Validated alone, the workshop knows no other: the hint is the one it had.
    const alone = runBin(['validate', path.join(dir, '../niamey-2022')]).stderr;
    expect(alone).toContain('hint: Use the `id:` of an action in a session file');
    expect(alone).toContain('hint: Use the `id:` of a recommendation in a session file.');
  });

  it('warns of an action without an id in a workshop of a programme: its task\'s UID in actions.ics is its number, which moves (action-without-id, as with follow-up reports)', () => {
    const dir = copy();
    // Niamey without follow-up reports: only the programme's calendar needs its actions' ids.
    remove(path.join(dir, '../niamey-2022/follow-up'));
    const niamey = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(niamey, `${read(niamey).replace('  - id: comites-locaux-pilotes\n    text:', '  - text:')}  - text: Préparer le budget de la mission.\n    owner: uncct\n    restricted: true\n`);
    // Rabat has follow-up reports: its own warning, said once, says both.
    const rabat = path.join(dir, '../rabat-2022/sessions/08-closing.yaml');
    writeFileSync(rabat, `${read(rabat)}  - text: Publish the report online.\n    owner: uncct\n`);
    const line = (file: string, text: string) => read(file).split('\n').findIndex((l) => l.includes(text)) + 1;
    const calendar = 'its task\'s UID in the programme\'s actions.ics is its number (A1, A2…), which changes when actions are renumbered (one added or removed before it): a calendar that imported an earlier build then duplicates the task, or mixes it up with another.';
    const expected = [
      { file: expect.stringMatching(/rabat-2022\/sessions\/08-closing\.yaml$/), line: line(rabat, 'Publish the report online'), message: `This action has no id, so follow-up reports cannot refer to it, and ${calendar}`, hint: 'Give it one, e.g. `id: publish-the-report-online`.' },
      // (Not the restricted one: the programme shows no restricted action.)
      { file: expect.stringMatching(/niamey-2022\/sessions\/05-cloture\.yaml$/), line: line(niamey, 'Installer les comités locaux'), message: `This action has no id, so ${calendar}`, hint: 'Give it one, e.g. `id: installer-les-comites-locaux`.' },
    ];
    const unnamed = (stdout: string) => (JSON.parse(stdout) as Array<{ ruleId: string; file: string; line: number; message: string; hint: string }>).filter((d) => d.ruleId === 'action-without-id').map(({ file, line: at, message, hint }) => ({ file, line: at, message, hint }));
    // validate and build alike; the cache keeps what the programme's rule needs (the second --cache run reads the workshops' stored verdicts).
    for (const args of [['validate', dir], ['validate', dir, '--cache'], ['validate', dir, '--cache'], ['build', dir]]) {
      const result = runBin([...args, '--reporter', 'json']);
      expect(unnamed(result.stdout), args.join(' ')).toEqual(expected);
    }
    // Validated alone, without follow-up reports, a workshop has no calendar: nothing said, as before.
    expect(unnamed(runBin(['validate', path.join(dir, '../niamey-2022'), '--reporter', 'json']).stdout)).toEqual([]);
    // The example's actions all have ids: its build stays free of the warning.
    expect(unnamed(runBin(['validate', path.join(ROOT, 'examples/sahel-programme'), '--reporter', 'json']).stdout)).toEqual([]);
  });

  it('refuses an output folder in the programme\'s or a workshop\'s own files, or a workshop\'s output folder', () => {
    const dir = copy();
    for (const out of ['.', '../rabat-2022/sessions', '../rabat-2022', '../niamey-2022/out', '../..']) {
      const result = runBin(['build', dir, '--out', path.join(dir, out)]);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toContain("would overwrite the project's own files");
    }
    expect(listFiles(path.join(dir, '../rabat-2022/sessions')).every((file) => file.endsWith('.yaml'))).toBe(true);
    expect(listFiles(dir)).toEqual(['programme.yaml']);
  });

  it('a workshop listed twice, or two workshops in folders of the same name: each names the other listing (see:)', () => {
    const dir = copy();
    copyTree(path.join(dir, '../niamey-2022'), path.join(dir, '../2023/niamey-2022'));
    writeFileSync(path.join(dir, 'programme.yaml'), read(path.join(dir, 'programme.yaml')).replace('  - ../niamey-2022', '  - ../niamey-2022\n  - ../rabat-2022/\n  - ../2023/niamey-2022'));
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/programme\.yaml:16:5 error \.\.\/rabat-2022\/ is listed twice\. \[duplicate-id\]\n[\s\S]*?see: \S*programme\.yaml:14:5 listed first here/);
    expect(result.stderr).toMatch(/programme\.yaml:17:5 error \.\.\/2023\/niamey-2022 has the same folder name as \.\.\/niamey-2022[^\n]*\[duplicate-id\]\n[\s\S]*?see: \S*programme\.yaml:15:5 \.\.\/niamey-2022, listed here/);
    // A link to a listed workshop's folder is that workshop again: built twice at once into one out/, every build failed half-way.
    const linked = copy();
    symlinkSync(path.join(linked, '../rabat-2022'), path.join(linked, '../rabat-link'));
    writeFileSync(path.join(linked, 'programme.yaml'), read(path.join(linked, 'programme.yaml')).replace('  - ../niamey-2022', '  - ../rabat-link'));
    for (const command of ['validate', 'build']) {
      const twice = runBin([command, linked]);
      expect(twice.code, twice.stderr).toBe(1);
      expect(twice.stderr).toMatch(/programme\.yaml:15:5 error \.\.\/rabat-link is \.\.\/rabat-2022 again: one of them is a link to the other's folder\. \[duplicate-id\]\n[\s\S]*?see: \S*programme\.yaml:14:5 listed first here/);
    }
  });

  it('validate warns of an overview (an old ejected copy) printing {{reports}}, which a workshop without a public edition lacks; the shipped ones are quiet', () => {
    const dir = copy();
    const shipped = read(path.join(ROOT, 'templates/programme/overview.md.hbs'));
    const old = shipped.replace('{{#if reports}}[{{cell short_title}}{{#if shared_short_title}} ({{id}}){{/if}}]({{reports}}report.md){{else}}{{cell short_title}}{{#if shared_short_title}} ({{id}}){{/if}}{{/if}}', '[{{cell short_title}}]({{reports}}report.md)');
    expect(old).not.toBe(shipped);
    mkdirSync(path.join(dir, 'templates/programme'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/programme/overview.md.hbs'), old);
    const line = old.split('\n').findIndex((l) => l.includes('({{reports}}report.md)')) + 1;
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`overview\\.md\\.hbs:${line}:\\d+ warning \\{\\{reports\\}\\} prints “reports”, which the data may not have[^\\n]*\\[template-optional-field\\]`));
    writeFileSync(path.join(dir, 'templates/programme/overview.md.hbs'), shipped);
    for (const name of ['actions', 'country-dossier', 'recurring']) writeFileSync(path.join(dir, `templates/programme/${name}.md.hbs`), read(path.join(ROOT, `templates/programme/${name}.md.hbs`)));
    expect(runBin(['validate', dir]).stderr).not.toContain('template-optional-field');
  });

  it('with its own templates, a link to a heading its documents do not have is warned at the link, and the build still writes', () => {
    const dir = copy();
    const shipped = read(path.join(ROOT, 'templates/programme/overview.md.hbs'));
    const edited = shipped.replace('## {{t "participants"}}', '[The participants](#participants-by-workshop) and [the register](actions.md#actions-of-the-programme)\n\n## {{t "participants"}}');
    expect(edited).not.toBe(shipped);
    mkdirSync(path.join(dir, 'templates/programme'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/programme/overview.md.hbs'), edited);
    const result = runBin(['build', dir]);
    expect(result.code, result.stderr).toBe(0);
    const overview = read(path.join(dir, 'out/overview.md')).split('\n');
    const line = overview.findIndex((l) => l.startsWith('[The participants]')) + 1;
    expect(result.stderr).toMatch(new RegExp(`/out/overview\\.md:${line}:1 warning This link leads to “#participants-by-workshop”, a heading this document does not have\\. \\[broken-anchor\\]$`, 'm'));
    expect(result.stderr).toMatch(new RegExp(`^> +${line} \\| \\[The participants\\]\\(#participants-by-workshop\\)`, 'm'));
    expect(result.stderr).toMatch(new RegExp(`/out/overview\\.md:${line}:51 warning This link leads to “#actions-of-the-programme”, a heading actions\\.md does not have\\. \\[broken-anchor\\]`));
    expect(result.stderr).toMatch(/^2 warnings$/m);
    expect(existsSync(path.join(dir, 'out/overview.md'))).toBe(true);
  });

  it('its own templates\' HTML and images are warned at their line, by validate and build, as a workshop\'s are (they were not looked at)', () => {
    const dir = copy();
    const shipped = read(path.join(ROOT, 'templates/programme/overview.md.hbs'));
    const edited = shipped.replace('## {{t "participants"}}', '<div><b>DRAFT</b> – for the donors</div>\n\n![Logo](assets/logoo.png)\n\n## {{t "participants"}}');
    expect(edited).not.toBe(shipped);
    const line = edited.split('\n').findIndex((l) => l.startsWith('<div>')) + 1;
    mkdirSync(path.join(dir, 'templates/programme'), { recursive: true });
    writeFileSync(path.join(dir, 'templates/programme/overview.md.hbs'), edited);
    for (const command of ['validate', 'build']) {
      const result = runBin([command, 'sahel-programme'], { cwd: path.dirname(dir) });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`^sahel-programme/templates/programme/overview\\.md\\.hbs:${line}:1 warning .*\\[template-html\\]$`, 'm'));
      expect(result.stderr).toMatch(new RegExp(`^sahel-programme/templates/programme/overview\\.md\\.hbs:${line + 2}:1 warning The image file was not found\\. \\[image\\]$`, 'm'));
      expect(result.stderr.match(/\[template-html\]/g), command).toHaveLength(1);
    }
    expect(read(path.join(dir, 'out/overview.md'))).toContain('<div><b>DRAFT</b> – for the donors</div>');
  });

  it('a workshop folder misspelt: the hint names the folder beside it that holds a workshop', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'programme.yaml'), read(path.join(dir, 'programme.yaml')).replace('  - ../niamey-2022', '  - ../niamy-2022'));
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/programme\.yaml:15:5 error \.\.\/niamy-2022 does not exist\. \[broken-link\][\s\S]*hint: Did you mean “\.\.\/niamey-2022”\?/);
  });

  it('a follow-up/ or sessions/ folder, or a follow-up report, in the programme\'s folder warns that they go into each workshop\'s own folder, naming them (they were ignored without a word)', async () => {
    const dir = copy();
    mkdirSync(path.join(dir, 'follow-up'));
    writeFileSync(path.join(dir, 'follow-up/2023-06-01.yaml'), read(path.join(dir, '../rabat-2022/follow-up/2022-11-15.yaml')));
    mkdirSync(path.join(dir, 'sessions'));
    writeFileSync(path.join(dir, '2023-06-01.yaml'), read(path.join(dir, '../rabat-2022/follow-up/2022-11-15.yaml')));
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const found = JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>;
    expect(found.map((d) => [d.ruleId, d.file])).toEqual([['not-read', '2023-06-01.yaml'], ['not-read', 'follow-up'], ['not-read', 'sessions']]);
    expect(found[1]!.message).toBe('The folder follow-up/ is not read: this is a programme\'s folder (it holds programme.yaml), and follow-up reports go into each workshop\'s own follow-up/ folder.');
    expect(found[1]!.hint).toBe('Move each of them into the follow-up/ folder of its workshop: ../rabat-2022/follow-up/ or ../niamey-2022/follow-up/.');
    expect(found[0]!.hint).toBe('Move it into the follow-up/ folder of its workshop: ../rabat-2022/follow-up/ or ../niamey-2022/follow-up/.');
  });

  it('ends with the count over the whole programme when more than one workshop has problems (the last workshop\'s count was taken for it)', () => {
    const dir = copy();
    const niamey = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(niamey, read(niamey).replace('id: reunion-tripartite', 'id: reunion tripartite'));
    const rabat = path.join(dir, '../rabat-2022/sessions/03-kst-initiatives.yaml');
    writeFileSync(rabat, read(rabat).replace('theme: kst', 'theme: kstt'));
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('In all: 3 errors, in 2 workshops.');
    // One workshop with problems: its own count is the whole count, nothing more said.
    writeFileSync(rabat, read(rabat).replace('theme: kstt', 'theme: kst'));
    expect(runBin(['validate', dir]).stderr).not.toContain('In all:');
  });

  it('a workshop\'s file listed for its folder: said so, and the same_as into it not called unknown (two errors that were only this one\'s consequence)', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'programme.yaml'), read(path.join(dir, 'programme.yaml')).replace('  - ../rabat-2022', '  - ../rabat-2022/workshop.yaml'));
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/programme\.yaml:14:5 error \.\.\/rabat-2022\/workshop\.yaml is a workshop's file: programme\.yaml lists workshop folders\. \[broken-link\][\s\S]*hint: Give the workshop's folder, not its file: “\.\.\/rabat-2022”\./);
    expect(result.stderr).not.toContain('unknown-programme-recommendation');
    expect(result.stderr).toMatch(/^1 error$/m);
  });

  it('reports a workshop\'s problems at their place in that workshop, and builds nothing', () => {
    const dir = copy();
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, read(session).replace('id: reunion-tripartite', 'id: reunion tripartite'));
    const result = runBin(['build', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/niamey-2022\/sessions\/05-cloture\.yaml:\d+:9 error/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(existsSync(path.join(dir, '../rabat-2022/out'))).toBe(false);
  });

  it('build --check compares every output folder and writes nothing; --watch is refused with a hint', () => {
    const dir = copy();
    expect(runBin(['build', dir]).code).toBe(0);
    const clean = runBin(['build', dir, '--check']);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/rabat-2022\/out\/ is up to date \(30 files\)/);
    expect(clean.stderr).toMatch(/sahel-programme\/out\/ is up to date \(10 files\)/);
    const session = path.join(dir, '../rabat-2022/sessions/01-opening.yaml');
    writeFileSync(session, read(session).replace('welcomed the delegations', 'welcomed all delegations'));
    const report = path.join(dir, '../rabat-2022/out/en/restricted/report.md');
    const before = read(report);
    const stale = runBin(['build', dir, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/rabat-2022\/out\/ is not up to date with the notes:\n {2}differs {2}en\/restricted\/report\.md/);
    expect(read(report)).toBe(before);
    // With --reporter json, each difference is a problem of its workshop, at the output file.
    const json = runBin(['build', dir, '--check', '--reporter', 'json']);
    expect(json.code).toBe(1);
    const differences = (JSON.parse(json.stdout) as Array<{ ruleId: string; file: string; project: string; message: string }>).filter((p) => p.ruleId === 'output-not-up-to-date');
    expect(differences.map((p) => p.file)).toContain(`${path.relative(ROOT, path.join(dir, '../rabat-2022/out/en/restricted/report.md')).split(path.sep).join('/')}`);
    expect(new Set(differences.map((p) => path.basename(p.project)))).toEqual(new Set(['rabat-2022']));
    // Its message names the file as `file` does, from the current folder (it was from the project: out/en/…).
    for (const p of differences) expect(p.message).toBe(`${p.file} differs from what the notes give.`);
    const watch = runBin(['build', dir, '--watch']);
    expect(watch.code).toBe(2);
    expect(watch.stderr).toMatch(/build --watch works on one workshop; .*sahel-programme is a programme\.\nhint: Watch a workshop/);
    // So do preview and context, which started and then failed on the missing workshop.yaml.
    const preview = runBin(['preview', dir]);
    expect(preview.code).toBe(2);
    expect(preview.stderr).toMatch(/preview works on one workshop; .*sahel-programme is a programme\.\nhint: Preview a workshop/);
    expect(preview.stdout).toBe('');
    const context = runBin(['context', dir]);
    expect(context.code).toBe(2);
    expect(context.stderr).toContain('programme-context.schema.json');
  });

  it('build --check --format md compares the Markdown of every folder, not the HTML a build wrote beside it (every HTML file was stale); a note changed fails it naming that workshop\'s Markdown alone, with the build to run; that build leaves the HTML as it was', async () => {
    const dir = copy();
    expect((await runInProcess(['build', dir, '--format', 'md,html'])).code).toBe(0);
    const folders = ['rabat-2022/out', 'niamey-2022/out', 'sahel-programme/out'];
    const clean = await runInProcess(['build', dir, '--check', '--format', 'md']);
    expect(clean.stderr).not.toContain('stale');
    for (const folder of folders) expect(clean.stderr).toMatch(new RegExp(`${folder}/ is up to date for md \\(\\d+ files; \\d+ html files not checked\\)\\.\\n`));
    expect(clean.code).toBe(0);
    const session = path.join(dir, '../rabat-2022/sessions/01-opening.yaml');
    writeFileSync(session, read(session).replace('welcomed the delegations', 'welcomed all delegations'));
    const changed = await runInProcess(['build', 'sahel-programme', '--check', '--format', 'md'], { cwd: path.dirname(dir) });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/rabat-2022\/out\/ is not up to date with the notes \(\d+ html files not checked\):\n {2}differs {2}en\/restricted\/report\.md\n {2}differs {2}en\/public\/report\.md\n {2}differs {2}fr\/restricted\/report\.md\n {2}differs {2}fr\/public\/report\.md\nRun `workshop-report build sahel-programme --format md` and commit the result\.\n/);
    expect(changed.stderr).toMatch(/niamey-2022\/out\/ is up to date for md/);
    const html = read(path.join(dir, '../rabat-2022/out/en/restricted/report.html'));
    const rebuilt = await runInProcess(['build', 'sahel-programme', '--format', 'md'], { cwd: path.dirname(dir) });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toMatch(/Wrote 30 files to rabat-2022\/out\/ \(\d+ of other formats left as an earlier build wrote them\)/);
    expect(read(path.join(dir, '../rabat-2022/out/en/restricted/report.html'))).toBe(html);
    expect(existsSync(path.join(dir, 'out/overview.html'))).toBe(true);
    expect((await runInProcess(['build', dir, '--check', '--format', 'md'])).code).toBe(0);
    // The HTML, not built again, is what a check of it finds out of date.
    const all = await runInProcess(['build', dir, '--check', '--format', 'md,html']);
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(/rabat-2022\/out\/ is not up to date with the notes:\n {2}differs {2}en\/restricted\/report\.html\n/);
  });

  it('says for each folder, on its one line, what it removed as left over and what it left of other formats, its files counted by kind; --verbose names them as a workshop built alone does (files went without a word, and the programme\'s own files of other formats unsaid)', () => {
    const dir = copy();
    const cwd = path.dirname(dir);
    const build = (...flags: string[]) => {
      const result = runBin(['build', 'sahel-programme', ...flags], { cwd });
      expect(result.code, result.stderr).toBe(0);
      return result.stderr;
    };
    const wrote = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('Wrote'));
    build('--format', 'md,html');
    // Niamey no longer makes its country briefs.
    const niamey = path.join(cwd, 'niamey-2022/workshop.yaml');
    expect(read(niamey)).not.toMatch(/^report:/m);
    writeFileSync(niamey, `${read(niamey)}report:\n  documents: [report, recommendations, follow-up]\n`);
    const briefs = build('--format', 'md,html');
    expect(briefs).toMatch(/^Wrote 85 files to rabat-2022\/out\/: 30 md, 35 html, 4 css, 16 woff2 \(--verbose names them\)$/m);
    expect(briefs).toMatch(/^Wrote 12 files to niamey-2022\/out\/ \(removed 6 left over from the previous build\): 3 md, 4 html, 1 css, 4 woff2 \(--verbose names them\)$/m);
    // One line a folder, whatever it removed: a programme has up to a hundred workshops.
    expect(wrote(briefs)).toHaveLength(3);
    expect(briefs).not.toMatch(/^Removed/m);
    expect(existsSync(path.join(cwd, 'niamey-2022/out/countries'))).toBe(false);
    // Rabat dropped from the programme: Ghana, where only Rabat was held, has no dossier any more.
    writeFileSync(path.join(dir, 'programme.yaml'), read(path.join(dir, 'programme.yaml')).replace('  - ../rabat-2022\n', ''));
    editFile(path.join(cwd, 'niamey-2022/sessions/05-cloture.yaml'), /^ *same_as: rabat-2022:.*\n/gm, '');
    writeFileSync(niamey, read(niamey).replace('documents: [report, recommendations, follow-up]', 'documents: [report, follow-up]'));
    const verbose = build('--format', 'md,html', '--verbose');
    expect(verbose).toContain('\nRemoved 2 left over from the previous build: recommendations.html, recommendations.md\n');
    expect(verbose).toMatch(/^Wrote the programme's 21 files to sahel-programme\/out\/: overview\.md, actions\.md, .*, programme\.json\nRemoved 2 left over from the previous build: countries\/GHA\.html, countries\/GHA\.md$/m);
    expect(existsSync(path.join(dir, 'out/countries/GHA.md'))).toBe(false);
    // Markdown only: the HTML is left in every folder, the programme's own too, and said so.
    const markdown = build();
    expect(markdown).toMatch(/^Wrote 2 files to niamey-2022\/out\/ \(8 of other formats left as an earlier build wrote them\): 2 md \(--verbose names them\)$/m);
    expect(markdown).toMatch(/^Wrote the programme's 9 files to sahel-programme\/out\/ \(12 of other formats left as an earlier build wrote them\): overview\.md, actions\.md, recurring\.md, countries\/NER\.md, countries\/BFA\.md, countries\/MLI\.md, actions\.csv, actions\.ics, programme\.json$/m);
    expect(wrote(markdown)).toHaveLength(2);
    expect(existsSync(path.join(dir, 'out/overview.html'))).toBe(true);
  });

  it('build --check --strict still lists the folders out of date after saying why the warnings fail the run, exit 1 (it said only "Failed: --strict …")', async () => {
    const dir = copy();
    expect((await runInProcess(['build', dir])).code).toBe(0);
    // A title the YAML cuts at " #": a warning, and niamey-2022's report no longer what its out/ holds.
    const session = path.join(dir, '../niamey-2022/sessions/01-ouverture.yaml');
    writeFileSync(session, read(session).replace("title: Séance d'ouverture", "title: Q&A #1 - Séance d'ouverture"));
    const result = await runInProcess(['build', dir, '--check', '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[comment-in-scalar]');
    expect(result.stderr).toMatch(/^Failed: --strict treats the 1 warning as errors\.\n(.*rabat-2022\/out\/ is up to date \(30 files\)\.\n)?.*niamey-2022\/out\/ is not up to date with the notes:\n {2}differs {2}report\.md$/m);
  });

  it('a file where a workshop\'s out/ goes: the hint says that folder is the workshop\'s own, which --out does not move; the programme\'s own --out is offered for its own folder', async () => {
    const dir = copy();
    const niameyOut = path.join(dir, '../niamey-2022/out');
    writeFileSync(niameyOut, 'not a folder\n');
    for (const flags of [[], ['--check']]) {
      const result = await runInProcess(['build', dir, ...flags]);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr, flags.join(' ')).toContain(`The output folder ${niameyOut} is a file.\nhint: Remove or rename the file in the way: a workshop of a programme is built into its own out/, which --out does not move.`);
    }
    expect(read(niameyOut)).toBe('not a folder\n');
    remove(niameyOut);
    const own = path.join(dir, 'programme-out');
    writeFileSync(own, 'not a folder\n');
    const programmeOut = await runInProcess(['build', dir, '--out', own]);
    expect(programmeOut.code).toBe(2);
    expect(programmeOut.stderr).toContain(`The output folder ${own} is a file.\nhint: Remove or rename the file in the way, or give --out a folder (it is made when missing).`);
  });

  it('prints one JSON array for the programme and its workshops with --reporter json', () => {
    const dir = copy();
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, read(session).replace('id: reunion-tripartite', 'id: reunion tripartite'));
    writeFileSync(path.join(dir, 'programme.yaml'), read(path.join(dir, 'programme.yaml')).replace('  - ../niamey-2022', '  - ../niamey-2022\n  - ../dakar-2023'));
    const result = runBin(['validate', dir, '--reporter', 'json']);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; line: number }>;
    // programme.yaml's problems first, then the workshops', each with its path.
    expect(problems[0]).toMatchObject({ ruleId: 'broken-link', file: expect.stringMatching(/sahel-programme\/programme\.yaml$/), line: 16 });
    expect(problems.slice(1).every((p) => /niamey-2022\//.test(p.file))).toBe(true);
    expect(problems).toContainEqual(expect.objectContaining({ ruleId: 'invalid-value', file: expect.stringMatching(/niamey-2022\/sessions\/05-cloture\.yaml$/) }));
  });

  it('writes the programme\'s documents in every format asked for, from the same Markdown, linking to the workshops\' files of that format; --pdf-a and SOURCE_DATE_EPOCH reach every PDF', async () => {
    const dir = copy();
    const result = runBin(['build', dir, '--format', 'pdf,html,docx', '--pdf-a'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(result.code, result.stderr).toBe(0);
    const files = listFiles(path.join(dir, 'out')).filter((f) => !f.startsWith('.'));
    for (const name of ['overview', 'actions', 'recurring', 'countries/NER']) for (const format of ['pdf', 'html', 'docx']) expect(files).toContain(`${name}.${format}`);
    // --format pdf,html,docx: no Markdown, for the programme as for its workshops; the exports always.
    expect(files.filter((f) => f.endsWith('.md'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['actions.csv', 'actions.ics', 'programme.json', 'index.html', 'style.css']));
    expect(existsSync(path.join(dir, '../rabat-2022/out/en/public/report.pdf'))).toBe(true);
    // Counted by kind, as a workshop's are past a dozen (it said the count alone).
    expect(result.stderr).toMatch(/^Wrote the programme's 3\d files to .*sahel-programme\/out\/: \d+ pdf, \d+ html, 1 css, 4 woff2, \d+ docx, 1 csv, 1 ics, 1 json \(--verbose names them\)$/m);
    const pdf = await openPdf(new Uint8Array(readFileSync(path.join(dir, 'out/overview.pdf'))));
    const text = (await allText(pdf)).join('\n');
    expect(text).toContain('Programme overview');
    expect(text).toContain('Atelier de suivi de Niamey');
    // The dates are the environment's (SOURCE_DATE_EPOCH), in the programme's PDFs as in its workshops'.
    expect(((await pdf.getMetadata()) as unknown as { info: Record<string, unknown> }).info).toMatchObject({ CreationDate: 'D:20231114221320Z' });
    const rabat = await openPdf(new Uint8Array(readFileSync(path.join(dir, '../rabat-2022/out/en/public/report.pdf'))));
    expect(((await rabat.getMetadata()) as unknown as { info: Record<string, unknown> }).info).toMatchObject({ CreationDate: 'D:20231114221320Z' });
    // --pdf-a: archival PDFs, the programme's and its workshops'.
    for (const file of ['out/overview.pdf', '../niamey-2022/out/report.pdf']) expect(readFileSync(path.join(dir, file)).toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
    const links = ((await (await pdf.getPage(3)).getAnnotations()) as Array<{ unsafeUrl?: string }>).map((a) => a.unsafeUrl?.replace(/#.*/, ''));
    expect(links).toEqual(expect.arrayContaining(['../../rabat-2022/out/en/public/report.pdf', '../../niamey-2022/out/report.pdf', 'countries/NER.pdf']));
    expect(read(path.join(dir, 'out/overview.html'))).toContain('href="../../niamey-2022/out/report.html"');
    const docx = readDocx(new Uint8Array(readFileSync(path.join(dir, 'out/countries/NER.docx'))));
    expect(wordText(docx.xml('word/document.xml'))).toContain('Country dossier: Niger');
  });

  it('passes --templates and --pdf-theme to every workshop and to the programme\'s documents; the programme\'s own templates/ overrides its documents', () => {
    const dir = copy();
    // A theme file that is not there stops the build (it used to be ignored for a programme).
    const missing = runBin(['build', dir, '--format', 'pdf', '--pdf-theme', 'no-such-theme.yaml']);
    expect(missing.code).toBe(2);
    // With why, and what to give (it said only that it could not read it).
    expect(missing.stderr).toMatch(/Cannot read the PDF theme file no-such-theme\.yaml: no such file or folder \(ENOENT\)\.\nhint: Check the path\. --pdf-theme takes the path of a YAML theme file from the current folder/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const nowhere = runBin(['build', dir, '--templates', 'no-such-folder']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/The templates folder .*no-such-folder does not exist/);
    // programme/overview.md.hbs in the programme's templates/ folder replaces the shipped one; a
    // mistake in it is found before any workshop is built, at its place.
    mkdirSync(path.join(dir, 'templates/programme'), { recursive: true });
    const shipped = read(path.join(ROOT, 'templates/programme/overview.md.hbs'));
    writeFileSync(path.join(dir, 'templates/programme/overview.md.hbs'), `${shipped}{{#each workshops}}\n`);
    const unclosed = runBin(['build', dir]);
    expect(unclosed.code).toBe(1);
    expect(unclosed.stderr).toMatch(new RegExp(`^\\S*sahel-programme/templates/programme/overview\\.md\\.hbs:${shipped.split('\n').length}:4 error The block \\{\\{#each\\}\\} is never closed`, 'm'));
    expect(existsSync(path.join(dir, '../rabat-2022/out'))).toBe(false);
    // A misspelt field where strict mode is silent (#if, #each) is found too, against the programme's data model.
    writeFileSync(path.join(dir, 'templates/programme/overview.md.hbs'), `${shipped}{{#each workshops}}{{#if countres}}x{{/if}}{{/each}}\n`);
    const misspelt = runBin(['build', dir]);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toMatch(new RegExp(`overview\\.md\\.hbs:${shipped.split('\n').length}:26 error The template uses “countres”, which the data does not have here\\.`));
    expect(misspelt.stderr).toContain('hint: Did you mean “countries”? The programme\'s templates receive what schemas/programme-context.schema.json describes.');
    writeFileSync(path.join(dir, 'templates/programme/overview.md.hbs'), shipped.replace(/^# .*$/m, '# Our own overview'));
    expect(runBin(['build', dir]).code).toBe(0);
    expect(read(path.join(dir, 'out/overview.md'))).toMatch(/^# Our own overview$/m);
    // --templates DIR: for every workshop and for the programme; a mistake in it is located there.
    const own = path.join(dir, '../house-templates');
    mkdirSync(path.join(own, 'programme'), { recursive: true });
    writeFileSync(path.join(own, 'programme/overview.md.hbs'), shipped.replace(/^# .*$/m, '# House overview'));
    writeFileSync(path.join(own, 'follow-up.md.hbs'), read(path.join(ROOT, 'templates/follow-up.md.hbs')).replace(/^# .*$/m, '# House follow-up'));
    // It replaces each workshop's templates/ folder: Rabat's press release must be there too, and the
    // error without it says which workshop of the programme misses it.
    const without = runBin(['build', dir, '--templates', own]);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/hint: Put it in the --templates folder \(\S*house-templates\), or fix `template:` in report\.documents\./);
    // validate takes the same --templates, and finds the same error (without it, Rabat's own templates/ has the file).
    const validated = runBin(['validate', dir, '--templates', own]);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toMatch(/^\S*\/rabat-2022\/workshop\.yaml:\d+:\d+ error The template “press-release\.md\.hbs” for the document “press-release” does not exist/m);
    expect(runBin(['validate', dir]).code).toBe(0);
    expect(without.stderr).toMatch(/^\S*\/rabat-2022\/workshop\.yaml:\d+:\d+ error The template “press-release\.md\.hbs” for the document “press-release” does not exist/m);
    // For a CI job too: JSON names the workshop of the problem, GitHub's annotation its file.
    const json = JSON.parse(runBin(['build', dir, '--templates', own, '--reporter', 'json']).stdout) as Array<{ ruleId: string; file: string | null; project: string }>;
    expect(json.find((d) => d.ruleId === 'template-missing')).toMatchObject({ file: expect.stringMatching(/rabat-2022\/workshop\.yaml$/), project: expect.stringMatching(/(^|\/)rabat-2022$/) });
    expect(runBin(['build', dir, '--templates', own, '--reporter', 'github']).stdout).toMatch(/^::error file=\S*rabat-2022\/workshop\.yaml,line=\d+,.*The template “press-release\.md\.hbs”/m);
    writeFileSync(path.join(own, 'press-release.md.hbs'), read(path.join(dir, '../rabat-2022/templates/press-release.md.hbs')));
    const house = runBin(['build', dir, '--templates', own]);
    expect(house.code).toBe(0);
    expect(runBin(['validate', dir, '--templates', own]).code).toBe(0);
    expect(runBin(['validate', path.join(dir, '../rabat-2022'), '--templates', own]).code).toBe(0);
    // Rabat's press release is no stray file for Niamey: a shared folder warns only of a name close to a default's.
    expect(house.stderr).not.toContain('unused-template');
    // A misnamed file there is one warning, shown where it is (not once per workshop, under each one's templates/).
    writeFileSync(path.join(own, 'Report.md.hbs'), '# Mine\n');
    const stray = runBin(['build', dir, '--templates', own]);
    expect(stray.code, stray.stderr).toBe(0);
    expect(stray.stderr.match(/\[unused-template\]/g)).toHaveLength(1);
    expect(stray.stderr).toMatch(/^\S*house-templates\/Report\.md\.hbs:1:1 warning “Report\.md\.hbs” replaces no default template/m);
    rmSync(path.join(own, 'Report.md.hbs'));
    expect(read(path.join(dir, 'out/overview.md'))).toMatch(/^# House overview$/m);
    expect(read(path.join(dir, '../niamey-2022/out/follow-up.md'))).toMatch(/^# House follow-up$/m);
    writeFileSync(path.join(own, 'programme/overview.md.hbs'), shipped.replace(/^# .*$/m, '# {{t "overviw"}}'));
    const broken = runBin(['build', dir, '--templates', own]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/templates\/programme\/overview\.md\.hbs:\d+:\d+ error .*overviw/);
    expect(read(path.join(dir, 'out/overview.md'))).toMatch(/^# House overview$/m);
  });

  it('leaves every output folder as it was when a later workshop fails: what was staged for the others is removed', () => {
    const dir = copy();
    expect(runBin(['build', dir]).code).toBe(0);
    const folders = [path.join(dir, 'out'), path.join(dir, '../rabat-2022/out'), path.join(dir, '../niamey-2022/out')];
    const before = folders.map((folder) => listFiles(folder).map((file) => [file, read(path.join(folder, file))]));
    // Rabat is built (and its files staged) before Niamey's error is found.
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, read(session).replace('id: reunion-tripartite', 'id: reunion tripartite'));
    writeFileSync(path.join(dir, '../rabat-2022/sessions/01-opening.yaml'), read(path.join(dir, '../rabat-2022/sessions/01-opening.yaml')).replace('  The representative of the Kingdom of Morocco welcomed', '  The representative of Morocco welcomed'));
    expect(runBin(['build', dir]).code).toBe(1);
    expect(folders.map((folder) => listFiles(folder).map((file) => [file, read(path.join(folder, file))]))).toEqual(before);
  });

  it('shows a workshop without editions as its public view: what it marks restricted reaches no programme document or export, nor a link to its report', () => {
    const dir = copy();
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, read(session).replace('  - id: comites-locaux-pilotes\n', '  - id: comites-locaux-pilotes\n    restricted: true\n'));
    const result = runBin(['build', dir]);
    expect(result.code, result.stderr).toBe(0);
    const text = 'Installer les comités locaux de sécurité frontalière pilotes';
    // Niamey's own report has one edition with everything, as without a programme.
    expect(read(path.join(dir, '../niamey-2022/out/report.md'))).toContain(text);
    for (const file of ['countries/NER.md', 'actions.md', 'actions.csv', 'actions.ics', 'programme.json']) expect(read(path.join(dir, 'out', file)), file).not.toContain(text);
    expect(read(path.join(dir, 'out/actions.csv'))).toContain('formation-comites');
    // That report prints it: the overview names Niamey without linking to it (it linked), and links
    // to Rabat's public edition; programme.json gives no place for Niamey's reports.
    const overview = read(path.join(dir, 'out/overview.md'));
    expect(overview).toMatch(/^\| <span lang="fr">Atelier de suivi de Niamey<\/span> \| /m);
    expect(overview).not.toContain('niamey-2022/out');
    expect(overview).toContain('](../../rabat-2022/out/en/public/report.md)');
    const exported = JSON.parse(read(path.join(dir, 'out/programme.json'))) as { workshops: Array<{ id: string; reports?: string }> };
    expect(exported.workshops.map((w) => [w.id, w.reports])).toEqual([['rabat-2022', '../../rabat-2022/out/en/public/'], ['niamey-2022', undefined]]);
    // The build says so, and how to link it (it was left unlinked without a word).
    expect(result.stderr).toMatch(/Named without a link to its reports in the programme's documents \(they print what it marks restricted, and it has no public edition\): [^\n]*niamey-2022\. To link to it, give it a public edition/);
    expect(result.stderr.match(/Named without a link/g)).toHaveLength(1);
  });

  it('tells apart two workshops with the same short title in the overview, the register and the calendar, by their ids (they could not be told apart)', () => {
    const dir = copy();
    const rabat = path.join(dir, '../rabat-2022/workshop.yaml');
    writeFileSync(rabat, read(rabat).replace('short_title: Border Security Management Workshop', 'short_title: Atelier de suivi de Niamey'));
    const result = runBin(['build', dir]);
    expect(result.code, result.stderr).toBe(0);
    const register = read(path.join(dir, 'out/actions.md'));
    // (The same words as Niamey's French title: marked French wherever printed, as plain fallback texts are.)
    expect(register).toMatch(/^\| (<span lang="fr">)?Atelier de suivi de Niamey(<\/span>)? \(rabat-2022\) \| \*\*A\d+\*\* \|/m);
    expect(register).toMatch(/^\| <span lang="fr">Atelier de suivi de Niamey<\/span> \(niamey-2022\) \| \*\*A\d+\*\* \|/m);
    expect(read(path.join(dir, 'out/actions.ics')).replace(/\r\n /g, '')).toMatch(/SUMMARY:A\d+ \(Atelier de suivi de Niamey\\, rabat-2022\):/);
    expect(read(path.join(dir, 'out/overview.md'))).toMatch(/\(rabat-2022\)\]\(\.\.\/\.\.\/rabat-2022\/out\/en\/public\/report\.md\)/);
    // One of each, with the same name, is named as before.
    expect(read(path.join(ROOT, 'examples/sahel-programme/out/actions.md'))).toMatch(/^\| Border Security Management Workshop \| /m);
  });

  it('stops a programme template that prints a workshop\'s restricted text (restricted-leak at the item), publishing nothing', () => {
    const dir = copy();
    const overview = path.join(dir, 'templates/programme/overview.md.hbs');
    mkdirSync(path.dirname(overview), { recursive: true });
    writeFileSync(overview, `${read(path.join(ROOT, 'templates/programme/overview.md.hbs'))}\nSecure communication equipment for border posts in the Ménaka and Mopti regions.\n`);
    const result = runBin(['build', dir, '--format', 'md,pdf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rabat-2022\/(sessions\/02-trends-threats|countries\/MLI)\.yaml:\d+:\d+ error The programme's overview\.md contains this restricted text\. \[restricted-leak\]/);
    expect(result.stderr).toMatch(/hint: A template prints it although a programme's documents leave it out/);
    for (const folder of ['out', '../rabat-2022/out', '../niamey-2022/out']) expect(existsSync(path.join(dir, folder)), folder).toBe(false);
  });

  it('lets a programme document print a text one workshop restricts when another shows it publicly (raised again)', () => {
    const dir = copy();
    const text = 'Secure communication equipment for border posts in the Ménaka and Mopti regions.';
    const session = path.join(dir, '../niamey-2022/sessions/05-cloture.yaml');
    writeFileSync(session, read(session).replace("text: Organiser un atelier de validation de la stratégie nationale de gestion intégrée des frontières et de son plan d'action chiffré.", `text: ${text}`));
    // Rabat marks the sentence restricted; Niamey's action says it publicly, and the action register prints Niamey's actions.
    const result = runBin(['build', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('restricted-leak');
    expect(read(path.join(dir, 'out/actions.md'))).toContain(text);
  });

  it('reports a publish that fails (a workshop\'s out/ is a file) as one JSON array with the setup error, publishing nothing', () => {
    const dir = copy();
    writeFileSync(path.join(dir, '../niamey-2022/out'), 'not a folder');
    // And a warning, which is said with the error, not lost.
    mkdirSync(path.join(dir, '../niamey-2022/templates/en'), { recursive: true });
    writeFileSync(path.join(dir, '../niamey-2022/templates/en/report.md.hbs'), '# Report\n');
    const result = runBin(['build', dir, '--reporter', 'json']);
    expect(result.code).toBe(2);
    // One array (the problems were printed before the publish failed, then the error as a second array).
    const problems = JSON.parse(result.stdout) as Array<{ ruleId: string; message: string; hint: string }>;
    expect(problems.map((p) => p.ruleId).sort()).toEqual(['setup-error', 'unused-template']);
    const error = problems.find((p) => p.ruleId === 'setup-error')!;
    expect(error.message).toMatch(/niamey-2022\/out is a file\.$/);
    expect(error.hint).toMatch(/^Remove or rename the file in the way/);
    const pretty = runBin(['build', dir]);
    expect(pretty.code).toBe(2);
    expect(pretty.stderr).toMatch(/\[unused-template\][\s\S]*workshop-report: The output folder \S*niamey-2022\/out is a file\./);
    for (const folder of ['out', '../rabat-2022/out']) expect(existsSync(path.join(dir, folder)), folder).toBe(false);
  });

  it('leaves out of the programme a workshop not yet held on the --as-of date, saying so (no warning: --strict passes); before the whole programme, one warning', () => {
    const dir = copy();
    // Between Rabat (May 2022) and Niamey (November 2022): the programme as it stood, without Niamey (its
    // actions were in the register and actions.ics as open tasks, not started, without a word).
    const between = runBin(['build', dir, '--as-of', '2022-08-01', '--strict']);
    expect(between.code, between.stderr).toBe(0);
    expect(between.stderr).not.toContain('as-of-before-workshop');
    expect(between.stderr).toMatch(/^Not yet held on 2022-08-01, so left out of the programme's documents and exports: \S*niamey-2022 \(from 2022-11-28\)\. Its own reports, built as of that day too, show every action not started; a build without --as-of brings them up to date\.$/m);
    expect(read(path.join(dir, 'out/overview.md'))).not.toContain('Niamey');
    expect(read(path.join(dir, 'out/actions.csv'))).not.toContain('niamey-2022');
    expect(read(path.join(dir, 'out/actions.ics'))).not.toContain('niamey-2022');
    expect(read(path.join(dir, 'out/actions.csv'))).toContain('rabat-2022');
    // programme.json names it, as its schema says: a script can tell "not yet held" from "not in the
    // programme" (it said neither). Without --as-of (the committed example), no left_out at all.
    const exported = JSON.parse(read(path.join(dir, 'out/programme.json'))) as { workshops: Array<{ id: string }>; left_out?: unknown };
    expect(exported.workshops.map((w) => w.id)).toEqual(['rabat-2022']);
    expect(exported.left_out).toEqual([{ id: 'niamey-2022', start: '2022-11-28' }]);
    expectExportValid(exported);
    expect(JSON.parse(read(path.join(ROOT, 'examples/sahel-programme/out/programme.json')))).not.toHaveProperty('left_out');
    // Its own reports are still built, as of that date.
    expect(existsSync(path.join(dir, '../niamey-2022/out/report.md'))).toBe(true);
    const before = runBin(['build', dir, '--as-of', '2021-12-01']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr.match(/\[as-of-before-workshop\]/g)).toHaveLength(1);
    expect(before.stderr).toMatch(/rabat-2022\/workshop\.yaml:\d+:\d+ warning --as-of 2021-12-01 is before the workshop began/);
  });

  it('--as-of and a workshop without follow-up reports yet: its actions show no status (they were all not started, overdue), with no warning (--strict passes); with none in any workshop, one warning', () => {
    const dir = copy();
    remove(path.join(dir, '../rabat-2022/follow-up'));
    remove(path.join(dir, '../rabat-2022/translations/fr/follow-up'));
    const result = runBin(['build', dir, '--as-of', '2023-12-31', '--strict']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('as-of-without-follow-up');
    const rows = parse(read(path.join(dir, 'out/actions.csv')), { bom: true, columns: true, record_delimiter: ['\r\n'] }) as Array<Record<string, string>>;
    const rabat = rows.filter((row) => row.workshop === 'rabat-2022');
    expect(rabat.length).toBeGreaterThan(0);
    expect(rabat.map((row) => `${row.status}|${row.overdue}|${row.as_of}`)).toEqual(rabat.map(() => '|no|'));
    expect(rows.filter((row) => row.workshop === 'niamey-2022').every((row) => row.status !== '' && row.as_of === '2023-12-31')).toBe(true);
    expect(existsSync(path.join(dir, '../rabat-2022/out/en/public/follow-up.md'))).toBe(false);
    expect(read(path.join(dir, '../rabat-2022/out/en/public/report.md'))).not.toContain('Status as of');
    // Neither workshop has any: one warning, at the first; and the workshop not yet held is not said to show every action not started.
    remove(path.join(dir, '../niamey-2022/follow-up'));
    const none = runBin(['build', dir, '--as-of', '2022-08-01']);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr.match(/\[as-of-without-follow-up\]/g)).toHaveLength(1);
    expect(none.stderr).toMatch(/rabat-2022\/ \(project\) warning --as-of 2022-08-01 was given, but the project has no follow-up report/);
    expect(none.stderr).toMatch(/^Not yet held on 2022-08-01, so left out of the programme's documents and exports: \S*niamey-2022 \(from 2022-11-28\)\.$/m);
  });

  it('validate checks the programme\'s templates and each workshop\'s own, as build does', () => {
    const dir = copy();
    const overview = path.join(dir, 'templates/programme/overview.md.hbs');
    mkdirSync(path.dirname(overview), { recursive: true });
    writeFileSync(overview, '{{#each workshops}}\n{{#if countres}}x{{/if}}\n{{/each}}\n');
    const press = path.join(dir, '../rabat-2022/templates/press-release.md.hbs');
    writeFileSync(press, `${read(press)}\n{{titel}}\n`);
    for (const args of [['validate', dir], ['validate', dir, '--cache']]) {
      const result = runBin(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/templates\/programme\/overview\.md\.hbs:2:\d+ error .*“countres”.*\[template-unknown-name\]/);
      expect(result.stderr).toMatch(/rabat-2022\/templates\/press-release\.md\.hbs:\d+:\d+ error .*“titel”.*\[template-unknown-name\]/);
    }
  });

  it('--as-of reaches every workshop and the action register says it (it said "as of its workshop\'s latest report")', () => {
    const dir = copy();
    const result = runBin(['build', dir, '--as-of', '2023-06-30']);
    expect(result.code, result.stderr).toBe(0);
    const register = read(path.join(dir, 'out/actions.md'));
    expect(register).toContain('with its status as of 30 June 2023:');
    expect(read(path.join(dir, 'out/actions.csv'))).toContain(',2023-06-30');
    // programme.json says it at the top (as its schema allows), not only per workshop; without it, not at all.
    expect(JSON.parse(read(path.join(dir, 'out/programme.json'))).as_of).toBe('2023-06-30');
    expect(JSON.parse(read(path.join(ROOT, 'examples/sahel-programme/out/programme.json')))).not.toHaveProperty('as_of');
    expect(JSON.parse(runBin(['schema', 'programme-export']).stdout).properties.as_of).toMatchObject({ type: 'string', format: 'date' });
    // Without it, each workshop's own latest report, as the register says.
    expect(read(path.join(ROOT, 'examples/sahel-programme/out/actions.md'))).toContain('as of its workshop’s latest follow-up report');
  });
});
