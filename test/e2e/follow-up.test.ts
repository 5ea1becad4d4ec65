import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyExampleWithoutEditions, listFiles, remove, runBin, tempDir, editFile } from '../helpers/run-cli.js';

const work = tempDir('wr-follow-up-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');
let copies = 0;
/** The example in English, one edition, with its three follow-up reports. */
function copy(): string {
  const dir = path.join(work, `rabat-${++copies}`);
  copyExampleWithoutEditions(dir);
  rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  return dir;
}
const edit = editFile;

describe('follow-up of the action plan', () => {
  it('writes the action register as of the latest report: overdue first, then by lead, each with its history', () => {
    const dir = copy();
    const result = runBin(['build', dir]);
    expect(result.code, result.stderr).toBe(0);
    const register = read(path.join(dir, 'out/follow-up.md'));
    expect(register).toContain('The status of the 9 follow-up actions as of 15 May 2023');
    const rows = [...register.matchAll(/^\| \*\*(A\d+)\*\* \| .* \| ([^|]+) \|$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows.slice(0, 2)).toEqual(['A5 In progress (**overdue**)', 'A4 Blocked (**overdue**)']);
    expect(rows).toContain('A9 Not started');
    expect(register).toMatch(/### A4\n\n- \*\*15 November 2022\*\*, .*: In progress\. Burkina Faso's national workshop[^\n]*\n- \*\*15 May 2023\*\*, .*: Blocked\./);
    // The reporter of a recommendation's progress is named, as an action's is in its history (it was printed nowhere).
    expect(register).toContain('- **R5** (Niger), 15 November 2022, UNOCT Programme Office for Counter-Terrorism and Training in Africa: In progress. A decree establishing the national **passenger information unit**');
    // The action plan and the country briefs show each action's status.
    expect(read(path.join(dir, 'out/report.md'))).toMatch(/\| Implements \| Status as of 15 May 2023 \|\n[\s\S]*\| \*\*A4\*\* \|.*\| Blocked \(\*\*overdue\*\*\) \|/);
    expect(read(path.join(dir, 'out/countries/MLI.md'))).toMatch(/\| \*\*A5\*\* \|.*\| In progress \(\*\*overdue\*\*\) \|/);
  });

  it('--as-of computes the status as of another date, and reports after it are not seen', () => {
    const dir = copy();
    const result = runBin(['build', dir, '--as-of', '2022-12-01']);
    expect(result.code, result.stderr).toBe(0);
    const register = read(path.join(dir, 'out/follow-up.md'));
    expect(register).toContain('as of 1 December 2022');
    expect(register).not.toContain('15 May 2023');
    expect(register).toMatch(/^\| \*\*A1\*\* \|.*\| In progress \(\*\*overdue\*\*\) \|$/m);
    expect(runBin(['build', dir, '--as-of', 'next week']).code).toBe(2);
    // A day the calendar does not have is refused too (it printed "as of 30 February 2022", or "45 undefined 2022").
    const before = read(path.join(dir, 'out/follow-up.md'));
    for (const day of ['2022-02-30', '2022-13-45']) {
      const refused = runBin(['build', dir, '--as-of', day]);
      expect(refused.code, day).toBe(2);
      expect(refused.stderr).toContain(`--as-of takes a date, YYYY-MM-DD, not “${day}”, which is not a day of the calendar.`);
    }
    expect(read(path.join(dir, 'out/follow-up.md'))).toBe(before);
    // A day before the workshop is a warning at its dates (it built without a word, every action not started).
    const early = runBin(['build', dir, '--as-of', '2021-12-01']);
    expect(early.code, early.stderr).toBe(0);
    expect(early.stderr).toMatch(/workshop\.yaml:\d+:\d+ warning --as-of 2021-12-01 is before the workshop began \(2022-05-09\): every action shows as not started, none as overdue\. \[as-of-before-workshop\]/);
    expect(runBin(['build', dir, '--as-of', '2021-12-01', '--strict']).code).toBe(1);
    // And for a programme, which did not check it at all.
    const programme = runBin(['build', path.join(ROOT, 'examples/sahel-programme'), '--as-of', 'soon', '--check']);
    expect(programme.code).toBe(2);
    expect(programme.stderr).toContain('--as-of takes a date, YYYY-MM-DD, not “soon”.');
  });

  it('changes nothing for a project without follow-up reports', () => {
    const dir = copy();
    rmSync(path.join(dir, 'follow-up'), { recursive: true });
    expect(runBin(['build', dir]).code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).not.toContain('follow-up.md');
    expect(read(path.join(dir, 'out/report.md'))).not.toContain('Status as of');
  });

  it('--as-of without any follow-up report: a warning that the status is not known, and no status anywhere (it wrote a follow-up document "from the follow-up reports", every action not started and overdue)', () => {
    const dir = copy();
    rmSync(path.join(dir, 'follow-up'), { recursive: true });
    const result = runBin(['build', dir, '--as-of', '2023-06-30']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^\S*rabat-\d+\/ \(project\) warning --as-of 2023-06-30 was given, but the project has no follow-up report \(follow-up\/\*\.yaml\): the status of its actions is not known, so no document shows one and the follow-up document is not written\. \[as-of-without-follow-up\]\n {2}hint: Follow-up reports go in the folder follow-up\/ beside workshop\.yaml \(docs\/FORMAT\.md, “Follow-up”\); without them, leave out --as-of\.$/m);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[as-of-without-follow-up]']);
    expect(listFiles(path.join(dir, 'out'))).not.toContain('follow-up.md');
    // The action plan and the country briefs as without --as-of: no status column, no action said overdue.
    for (const file of ['out/report.md', 'out/countries/MLI.md']) {
      expect(read(path.join(dir, file)), file).not.toMatch(/Status as of|Not started|overdue/);
    }
    expect(runBin(['build', dir, '--as-of', '2023-06-30', '--strict']).code).toBe(1);
    // A report saved where it is not read (reports/): the status is said not known all the same.
    mkdirSync(path.join(dir, 'reports'));
    writeFileSync(path.join(dir, 'reports/2023-05-15.yaml'), read(path.join(ROOT, 'examples/rabat-2022/follow-up/2023-05-15.yaml')));
    expect(runBin(['build', dir, '--as-of', '2023-06-30']).stderr).toContain('[as-of-without-follow-up]');
    // Without --as-of, nothing to say.
    expect(runBin(['build', dir]).stderr).not.toContain('as-of-without-follow-up');
  });

  it('follow-up-date-far says what the far date does with --as-of: not seen before it, seen at its date after it (it said every status was computed as of it)', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'follow-up/niger-june.yaml'), 'date: 2033-06-02\nreported_by: NER\nupdates:\n  - action: circulate-report\n    status: done\n');
    const before = runBin(['build', dir, '--as-of', '2022-05-10']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr).toMatch(/follow-up\/niger-june\.yaml:1:7 warning This report is dated 2033-06-02, 10 years after the report before it \(2023-05-15\): it is after --as-of 2022-05-10, so none of its updates is seen \(without --as-of, every action's status would be computed as of 2033-06-02, and each one still open overdue by then\)\. \[follow-up-date-far\]\n[\s\S]*hint: Check the year\./);
    expect(before.stderr).not.toContain('every action\'s status is computed as of this date');
    const after = runBin(['build', dir, '--as-of', '2034-01-01']);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toMatch(/follow-up\/niger-june\.yaml:1:7 warning This report is dated 2033-06-02, 10 years after the report before it \(2023-05-15\): --as-of 2034-01-01 is after it, so its updates count, each at 2033-06-02 in its action's history\. \[follow-up-date-far\]/);
    // Without --as-of, as validate says it.
    expect(runBin(['build', dir]).stderr).toMatch(/follow-up\/niger-june\.yaml:1:7 warning This report is dated 2033-06-02, 10 years after the report before it \(2023-05-15\): every action's status is computed as of this date, and each one still open is overdue by then\. \[follow-up-date-far\]/);
  });

  it('is bilingual in the example: the register in French, with the reports\' notes translated', () => {
    const fr = read(path.join('examples/rabat-2022/out/fr/public/follow-up.md'));
    expect(fr).toContain('# Suivi du plan d’action');
    expect(fr).toMatch(/Bloquée \(\*\*en retard\*\*\)/);
    expect(fr).toContain('L’atelier national du Mali a été reporté à deux reprises');
  });
});

describe('the sessions folder gone (moved away, as a branch checkout does)', () => {
  it('is the one error no-sessions: the follow-up reports\' actions and recommendations, the countries and the translations are not blamed (7 errors and 2 warnings of consequences)', () => {
    const dir = copy();
    rmSync(path.join(dir, 'sessions'), { recursive: true });
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[no-sessions]');
    expect(result.stderr).toMatch(/^1 error$/m);
    expect(result.stderr).not.toMatch(/unknown-action|unknown-recommendation|unmentioned-country|orphan-translation/);
  });
});

describe('each follow-up rule, one defect at a time, located', () => {
  const report = (dir: string) => path.join(dir, 'follow-up/2022-11-15.yaml');
  const cases: Array<{ rule: string; change: (dir: string) => void; where: RegExp; code: number }> = [
    { rule: 'unknown-action', change: (dir) => edit(report(dir), 'action: circulate-report', 'action: circulate-reprot'), where: /follow-up\/2022-11-15\.yaml:7:13 error No action has the id “circulate-reprot”\. \[unknown-action\][\s\S]*Did you mean “circulate-report”\?/, code: 1 },
    // A typo in the only update of a report: located, and the rules run on what is left (this crashed once).
    { rule: 'unknown-key', change: (dir) => edit(path.join(dir, 'follow-up/2022-11-30.yaml'), /^    status: done$/m, '    statut: done'), where: /follow-up\/2022-11-30\.yaml:7:5 error Unknown key “statut” in updates\[1\]\./, code: 1 },
    { rule: 'unknown-recommendation', change: (dir) => edit(report(dir), 'recommendation: api-pnr', 'recommendation: api-pnx'), where: /follow-up\/2022-11-15\.yaml:19:21 error No recommendation has the id “api-pnx”/, code: 1 },
    { rule: 'not-beneficiary', change: (dir) => edit(report(dir), 'country: NER', 'country: SEN'), where: /follow-up\/2022-11-15\.yaml:20:14 error SEN is not one of the workshop's beneficiary countries/, code: 1 },
    // A code in lower case, or a country's name: the hint names the beneficiary's code (it gave only the form of a code).
    { rule: 'invalid-value', change: (dir) => edit(report(dir), 'country: NER', 'country: ner'), where: /follow-up\/2022-11-15\.yaml:20:14 error “ner” is not a valid updates\[5\]\.country\. \[invalid-value\][\s\S]*hint: Did you mean “NER”\? Country codes are written in capitals\./, code: 1 },
    { rule: 'invalid-value', change: (dir) => edit(report(dir), 'country: NER', 'country: Niger'), where: /follow-up\/2022-11-15\.yaml:20:14 error “Niger” is not a valid updates\[5\]\.country\. \[invalid-value\][\s\S]*hint: Did you mean “NER” \(Niger\)\? A country is written as its ISO 3166-1 alpha-3 code\./, code: 1 },
    { rule: 'follow-up-before-workshop', change: (dir) => edit(report(dir), /^date: 2022-11-15/m, 'date: 2022-04-15'), where: /follow-up\/2022-11-15\.yaml:4:7 error This report is dated 2022-04-15, before the workshop began \(2022-05-09\)\.[\s\S]*hint: Check the date: follow-up reports come after the workshop\. The file is named for 2022-11-15\./, code: 1 },
    { rule: 'follow-up-date-mismatch', change: (dir) => edit(report(dir), /^date: 2022-11-15/m, 'date: 2022-11-16'), where: /follow-up\/2022-11-15\.yaml:4:7 warning This report is dated 2022-11-16, but its file is named for 2022-11-15\. \[follow-up-date-mismatch\]/, code: 0 },
    { rule: 'unknown-organization', change: (dir) => edit(report(dir), 'reported_by: unoct-rabat', 'reported_by: unoct-rabt'), where: /follow-up\/2022-11-15\.yaml:5:14 error “unoct-rabt” is neither an organization/, code: 1 },
    // A beneficiary's name where its code goes: the code meant, as addressed_to and owner say it (there was no hint).
    { rule: 'unknown-organization', change: (dir) => edit(report(dir), 'reported_by: unoct-rabat', 'reported_by: Niger'), where: /follow-up\/2022-11-15\.yaml:5:14 error “Niger” is neither an organization[\s\S]*hint: Did you mean “NER” \(Niger\)\?/, code: 1 },
    // The host country's code: its organization, never the beneficiary a letter or two away (“Did you mean “MLI”?”
    // credited Morocco's report to Mali).
    { rule: 'unknown-organization', change: (dir) => edit(report(dir), 'reported_by: unoct-rabat', 'reported_by: MAR'), where: /follow-up\/2022-11-15\.yaml:5:14 error “MAR” is neither an organization of workshop\.yaml nor a beneficiary country\. \[unknown-organization\][\s\S]*hint: Morocco \(MAR\) is the host country, not a beneficiary: a report of its own is `reported_by` the id of its organization in workshop\.yaml\. Did you mean “morocco” \(Kingdom of Morocco\) or “morocco-interior” \(Ministry of Interior of the Kingdom of Morocco\)\?\n/, code: 1 },
    // Another country without an organization: the reporters there are, not a near code (SEN is no typo of GHA or NER).
    { rule: 'unknown-organization', change: (dir) => edit(report(dir), 'reported_by: unoct-rabat', 'reported_by: SEN'), where: /follow-up\/2022-11-15\.yaml:5:14 error “SEN” is neither an organization[\s\S]*hint: Senegal \(SEN\) is not a beneficiary country of this workshop: a report comes from an organization of workshop\.yaml or a beneficiary: uncct, unoct-rabat, morocco, morocco-interior, iom, interpol, BFA, GHA, MLI, NER\. Add SEN to workshop\.yaml's `countries` if it is a beneficiary, or the body reporting to `partners:` with an id\.\n/, code: 1 },
    // A code that is no country's, two letters swapped: that near miss is plausible.
    { rule: 'unknown-organization', change: (dir) => edit(report(dir), 'reported_by: unoct-rabat', 'reported_by: NRE'), where: /follow-up\/2022-11-15\.yaml:5:14 error “NRE” is neither an organization[\s\S]*hint: Did you mean “NER”\?\n/, code: 1 },
    // Nothing near: the reporters there are (it said only what kind of value goes there).
    { rule: 'unknown-organization', change: (dir) => edit(report(dir), 'reported_by: unoct-rabat', 'reported_by: donors'), where: /hint: Use the id of an organizer or partner, or the code of a beneficiary country: uncct, unoct-rabat, morocco, morocco-interior, iom, interpol, BFA, GHA, MLI, NER\.\n/, code: 1 },
    {
      rule: 'conflicting-follow-up',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2022-11-15-niger.yaml'), 'date: 2022-11-15\nreported_by: NER\nupdates:\n  - action: passenger-data-assessments\n    status: done\n'),
      where: /follow-up\/2022-11-15\.yaml:\d+:13 error Two reports of 2022-11-15 disagree on action “passenger-data-assessments”: done and in-progress\.|follow-up\/2022-11-15-niger\.yaml:5:13 error Two reports of 2022-11-15 disagree/, code: 1,
    },
    {
      // The same for a recommendation's progress in one country (it was not checked at all); at the later, the other related.
      rule: 'conflicting-follow-up',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2022-11-15-niger.yaml'), 'date: 2022-11-15\nreported_by: NER\nupdates:\n  - recommendation: api-pnr\n    country: NER\n    status: done\n'),
      where: /follow-up\/2022-11-15\.yaml:21:13 error Two reports of 2022-11-15 disagree on recommendation “api-pnr” for NER: done and in-progress\. \[conflicting-follow-up\][\s\S]*hint: Correct one of them, or date the later report on its own day\.\n  see: .*follow-up\/2022-11-15-niger\.yaml:6:13 the other report of that date/, code: 1,
    },
    {
      // Two ids of one recommendation (api-pnr is same_as port-screening: both are R5) on the same day: they disagreed without a
      // word, the follow-up document listed R5 (Niger) both done and blocked, and a programme's dossier picked one.
      rule: 'conflicting-follow-up',
      change: (dir) => {
        writeFileSync(path.join(dir, 'follow-up/2023-06-01.yaml'), 'date: 2023-06-01\nreported_by: NER\nupdates:\n  - recommendation: port-screening\n    country: NER\n    status: blocked\n');
        writeFileSync(path.join(dir, 'follow-up/2023-06-01-b.yaml'), 'date: 2023-06-01\nreported_by: unoct-rabat\nupdates:\n  - recommendation: api-pnr\n    country: NER\n    status: done\n');
      },
      where: /follow-up\/2023-06-01\.yaml:6:13 error Two reports of 2023-06-01 disagree on recommendation “port-screening” for NER: blocked here, and done in the other, which names it “api-pnr” \(same_as makes them one recommendation\)\. \[conflicting-follow-up\][\s\S]*hint: Correct one of them, or date the later report on its own day\.\n  see: .*follow-up\/2023-06-01-b\.yaml:6:13 the other report of that date, on “api-pnr”/, code: 1,
    },
    {
      // The same in one report, through the end of the chain (port-screening is same_as cl-traveller-data).
      rule: 'conflicting-follow-up',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2023-06-01.yaml'), 'date: 2023-06-01\nreported_by: NER\nupdates:\n  - recommendation: cl-traveller-data\n    country: NER\n    status: done\n  - recommendation: api-pnr\n    country: NER\n    status: in-progress\n'),
      where: /follow-up\/2023-06-01\.yaml:9:13 error This report gives recommendation “api-pnr” for NER twice, and they disagree: done above \(as “cl-traveller-data”, which same_as makes the same recommendation\) and in-progress here\. \[conflicting-follow-up\][\s\S]*see: .*follow-up\/2023-06-01\.yaml:6:13 the other update in this report, on “cl-traveller-data”/, code: 1,
    },
    {
      // Agreeing under two ids of one recommendation, by one reporter on one day: its progress would list it twice.
      rule: 'repeated-follow-up',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2022-11-15-more.yaml'), 'date: 2022-11-15\nreported_by: unoct-rabat\nupdates:\n  - recommendation: port-screening\n    country: NER\n    status: in-progress\n  - action: tanger-med-study-visit\n    status: in-progress\n'),
      where: /follow-up\/2022-11-15-more\.yaml:4:5 warning unoct-rabat already reported recommendation “port-screening” for NER \(as “api-pnr”, which same_as makes the same recommendation\) as in-progress on 2022-11-15, in follow-up\/2022-11-15\.yaml: its progress would show it twice\. \[repeated-follow-up\]/, code: 0,
    },
    {
      // Two updates of one action in one report (one added at its end): not “two reports”, and the other update is in this file.
      rule: 'conflicting-follow-up',
      change: (dir) => writeFileSync(report(dir), `${read(report(dir))}  - action: circulate-report\n    status: in-progress\n`),
      where: /follow-up\/2022-11-15\.yaml:\d+:13 error This report gives action “circulate-report” twice, and they disagree: done above and in-progress here\. \[conflicting-follow-up\][\s\S]*hint: Keep one of the two updates: a report says where things stand on its date once\.\n  see: .*follow-up\/2022-11-15\.yaml:8:13 the other update in this report/, code: 1,
    },
    {
      // A copy whose name sorts before the original's (“-” before “.”): the copy is blamed, not the report it copies.
      rule: 'repeated-follow-up',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2022-11-15-copie.yaml'), read(report(dir))),
      where: /follow-up\/2022-11-15-copie\.yaml:4:7 warning This report repeats follow-up\/2022-11-15\.yaml: the same date, reporter and 5 updates/, code: 0,
    },
    {
      // A report copied under another name: every update counted twice, without a word.
      rule: 'repeated-follow-up',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2022-11-15 copy.yaml'), read(report(dir))),
      where: /follow-up\/2022-11-15(?: copy)?\.yaml:4:7 warning This report repeats follow-up\/2022-11-15(?: copy)?\.yaml: the same date, reporter and 5 updates, each of which would count twice\. \[repeated-follow-up\][\s\S]*hint: Delete one of the two \(a copy\?\), or correct the date and updates of one\.\n  see: .*follow-up\/2022-11-15(?: copy)?\.yaml:4:7 the report it repeats/, code: 0,
    },
    {
      rule: 'status-regression',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2023-06-01.yaml'), 'date: 2023-06-01\nreported_by: unoct-rabat\nupdates:\n  - action: circulate-report\n    status: not-started\n'),
      where: /follow-up\/2023-06-01\.yaml:5:13 warning Action “circulate-report” was reported done on 2022-11-15 and is now not started\./, code: 0,
    },
    {
      // Done, then in progress again: reopened, or mistyped (it was not warned).
      rule: 'status-regression',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/2023-06-01.yaml'), 'date: 2023-06-01\nreported_by: unoct-rabat\nupdates:\n  - action: circulate-report\n    status: in-progress\n'),
      where: /follow-up\/2023-06-01\.yaml:5:13 warning Action “circulate-report” was reported done on 2022-11-15 and is now in progress\./, code: 0,
    },
    {
      // A country on an action's update was accepted and printed nowhere.
      rule: 'invalid-value',
      change: (dir) => edit(report(dir), '  - action: circulate-report\n', '  - action: circulate-report\n    country: NER\n'),
      where: /follow-up\/2022-11-15\.yaml:8:14 error `country:` is for the progress on a recommendation in one country; this update is about action “circulate-report”, which has none\. \[invalid-value\][\s\S]*hint: Remove `country: NER` \(say which country in `note:`\), or report on a recommendation/, code: 1,
    },
    {
      // The country on an action's update is not a beneficiary: a recommendation's update for it would be not-beneficiary, so
      // the hint does not offer one (it did).
      rule: 'invalid-value',
      change: (dir) => edit(report(dir), '  - action: circulate-report\n', '  - action: circulate-report\n    country: MAR\n'),
      where: /follow-up\/2022-11-15\.yaml:8:14 error `country:` is for the progress on a recommendation in one country; this update is about action “circulate-report”, which has none\. \[invalid-value\][\s\S]*hint: Remove `country: MAR` \(say which country in `note:`\)\.\n/, code: 1,
    },
    {
      // Progress in a country the recommendation is not addressed to: its brief and dossier do not list it.
      rule: 'not-addressed',
      change: (dir) => edit(report(dir), 'recommendation: api-pnr\n    country: NER', 'recommendation: mobility-risk-indicators\n    country: GHA'),
      where: /follow-up\/2022-11-15\.yaml:20:14 warning Recommendation “mobility-risk-indicators” is not addressed to GHA: its addressed_to names BFA, MLI, NER\. \[not-addressed\][\s\S]*hint: Check the country, or add GHA to the recommendation's `addressed_to`[\s\S]*see: .*sessions\/02-trends-threats\.yaml:\d+:\d+ the recommendation/, code: 0,
    },
    {
      // A year mistyped: every open action overdue as of 2033, without a word.
      rule: 'follow-up-date-far',
      change: (dir) => writeFileSync(path.join(dir, 'follow-up/niger-june.yaml'), 'date: 2033-06-02\nreported_by: NER\nupdates:\n  - action: circulate-report\n    status: done\n'),
      where: /follow-up\/niger-june\.yaml:1:7 warning This report is dated 2033-06-02, 10 years after the report before it \(2023-05-15\): every action's status is computed as of this date, and each one still open is overdue by then\. \[follow-up-date-far\][\s\S]*hint: Check the year\./, code: 0,
    },
    { rule: 'action-without-id', change: (dir) => edit(path.join(dir, 'sessions/08-closing.yaml'), '  - id: tanger-med-study-visit\n    text:', '  - text:'), where: /sessions\/08-closing\.yaml:\d+:5 warning This action has no id, so follow-up reports cannot refer to it\.[\s\S]*hint: Give it one, e\.g\. `id: organize-a-study-visit`\./, code: 0 },
    { rule: 'duplicate-id', change: (dir) => edit(path.join(dir, 'sessions/08-closing.yaml'), 'id: tanger-med-study-visit', 'id: focal-points-list'), where: /sessions\/08-closing\.yaml:\d+:9 error The action id “focal-points-list” is already used earlier in this file\./, code: 1 },
  ];
  it('one update repeated in another report, among new ones, is repeated-follow-up at that update; a second reporter saying the same is not', () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'follow-up/2022-11-15-more.yaml'), 'date: 2022-11-15\nreported_by: unoct-rabat\nupdates:\n  - action: tanger-med-study-visit\n    status: in-progress\n  - action: circulate-report\n    status: done\n');
    writeFileSync(path.join(dir, 'follow-up/2022-11-15-niger.yaml'), 'date: 2022-11-15\nreported_by: NER\nupdates:\n  - action: circulate-report\n    status: done\n');
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[repeated-follow-up\]/g)).toHaveLength(1);
    // At the file added beside the report (its name is the longer), not at the report it repeats.
    expect(result.stderr).toMatch(/follow-up\/2022-11-15-more\.yaml:6:5 warning unoct-rabat already reported action “circulate-report” as done on 2022-11-15, in follow-up\/2022-11-15\.yaml: the action's history would show it twice\. \[repeated-follow-up\][\s\S]*hint: Delete one of the two, or correct its date or status\.\n  see: .*follow-up\/2022-11-15\.yaml:8:13 the same update/);
  });

  it('an update whose country, action or recommendation is in error takes no part in the agreement of reports or their repeats', () => {
    const dir = copy();
    // `Niger` is refused (its schema error), `MAR` is no beneficiary, `no-such-action` names nothing: each is said once, at
    // its place, and nothing else (the refused country left an update “for no country” that disagreed with the first one).
    writeFileSync(path.join(dir, 'follow-up/2023-06-01.yaml'), [
      'date: 2023-06-01', 'reported_by: unoct-rabat', 'updates:',
      '  - recommendation: api-pnr', '    status: in-progress',
      '  - recommendation: api-pnr', '    country: Niger', '    status: done',
      '  - recommendation: api-pnr', '    country: Niger', '    status: in-progress',
      '  - recommendation: api-pnr', '    country: MAR', '    status: done',
      '  - recommendation: api-pnr', '    country: MAR', '    status: done',
      '  - action: no-such-action', '    status: done',
      '  - action: no-such-action', '    status: done', '',
    ].join('\n'));
    const result = runBin(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\[(conflicting|repeated)-follow-up\]/);
    expect(result.stderr.match(/^\S+ (error|warning) .*\[([a-z-]+)\]$/gm)?.map((line) => line.replace(/^.*follow-up\/(\S+) (\w+) .*\[([a-z-]+)\]$/, '$1 $3'))).toEqual([
      '2023-06-01.yaml:7:14 invalid-value', '2023-06-01.yaml:10:14 invalid-value', '2023-06-01.yaml:13:14 not-beneficiary', '2023-06-01.yaml:16:14 not-beneficiary',
      '2023-06-01.yaml:18:13 unknown-action', '2023-06-01.yaml:20:13 unknown-action',
    ]);
    // Once the country is written right, the two updates for Niger do disagree.
    writeFileSync(path.join(dir, 'follow-up/2023-06-01.yaml'), read(path.join(dir, 'follow-up/2023-06-01.yaml')).replaceAll('Niger', 'NER'));
    expect(runBin(['validate', dir]).stderr).toMatch(/follow-up\/2023-06-01\.yaml:11:13 error This report gives recommendation “api-pnr” for NER twice, and they disagree: done above and in-progress here\. \[conflicting-follow-up\]/);
  });

  it('a file named for a period may be dated any day of it; a date outside it is follow-up-date-mismatch naming the period', () => {
    const dir = copy();
    const period = path.join(dir, 'follow-up/2022-11-01_2022-11-30.yaml');
    writeFileSync(period, read(path.join(dir, 'follow-up/2022-11-15.yaml')));
    rmSync(path.join(dir, 'follow-up/2022-11-15.yaml'));
    const within = runBin(['validate', dir]);
    expect(within.code, within.stderr).toBe(0);
    expect(within.stderr).not.toContain('follow-up-date-mismatch');
    edit(period, /^date: 2022-11-15/m, 'date: 2022-12-15');
    expect(runBin(['validate', dir]).stderr).toMatch(/follow-up\/2022-11-01_2022-11-30\.yaml:\d+:7 warning This report is dated 2022-12-15, but its file is named for 2022-11-01 to 2022-11-30\. \[follow-up-date-mismatch\]/);
  });

  it('an update its own error takes out still has what it names checked: a mistyped status hid the typo in its action until fixed', () => {
    const dir = copy();
    const file = report(dir);
    edit(file, 'action: circulate-report', 'action: circulate-reprot');
    edit(file, /(circulate-reprot\n {4}status: )done/, '$1finished');
    // A recommendation's update with a mistyped status and a country in lower case: its recommendation is checked, its country once.
    edit(file, /recommendation: api-pnr\n(\s+)country: NER\n(\s+)status: [a-z-]+/, 'recommendation: api-pnrr\n$1country: ner\n$2status: started');
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/follow-up\/2022-11-15\.yaml:7:13 error No action has the id “circulate-reprot”\. \[unknown-action\][\s\S]*Did you mean “circulate-report”\?/);
    expect(result.stderr).toMatch(/follow-up\/2022-11-15\.yaml:8:13 error “finished” is not a valid updates\[1\]\.status\. \[enum\]/);
    expect(result.stderr).toMatch(/No recommendation has the id “api-pnrr”\. \[unknown-recommendation\]/);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)!.sort()).toEqual(['[enum]', '[enum]', '[invalid-value]', '[unknown-action]', '[unknown-recommendation]']);
  });

  it('an action id that is not valid is one error where it is written, and a follow-up report naming it points there (not “without an id”, nor a missing translation)', () => {
    const dir = copy();
    edit(path.join(dir, 'sessions/08-closing.yaml'), 'id: circulate-report', 'id: circulate report');
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[unknown-action]', '[invalid-value]']);
    expect(result.stderr).toMatch(/follow-up\/2022-11-15\.yaml:7:13 error No action has the id “circulate-report”: the action whose id is written “circulate report” has no valid id\.[\s\S]*see: \S*sessions\/08-closing\.yaml:\d+:9 the id written there/);
    expect(result.stderr).toMatch(/sessions\/08-closing\.yaml:\d+:9 error “circulate report” is not a valid actions\[1\]\.id\. \[invalid-value\]/);
  });

  it('a recommendation id with a non-breaking space at its end (pasted from Word) is one error where it is written, and the update and the action naming it point there (not “no recommendation”, nor a missing translation)', () => {
    const dir = copy();
    edit(path.join(dir, 'sessions/03-kst-initiatives.yaml'), /^( {2}- id: api-pnr)$/m, '$1\u00a0');
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[unknown-recommendation]', '[invalid-value]', '[unknown-recommendation]']);
    expect(result.stderr).toMatch(/follow-up\/2022-11-15\.yaml:\d+:21 error No recommendation has the id “api-pnr”: the recommendation whose id is written “api-pnr\u00a0” has no valid id\.[\s\S]*hint: Write that id as “api-pnr” in sessions\/03-kst-initiatives\.yaml[\s\S]*see: \S*sessions\/03-kst-initiatives\.yaml:(\d+):9 the id written there/);
    expect(result.stderr).not.toContain('Did you mean');
  });

  it.each(cases)('$rule', ({ rule, change, where, code }) => {
    const dir = copy();
    change(dir);
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual([`[${rule}]`]);
    expect(result.stderr).toMatch(where);
  });
});
