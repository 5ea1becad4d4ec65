import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, listFiles, read, remove, runInProcess, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-templates-');
afterAll(() => remove(work));
let counter = 0;

/** The minimal project with some template files of its own. */
function project(templates: Record<string, string> = {}, workshopExtra = ''): string {
  const dir = path.join(work, `p${++counter}`);
  copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
  for (const [name, text] of Object.entries(templates)) {
    mkdirSync(path.dirname(path.join(dir, 'templates', name)), { recursive: true });
    writeFileSync(path.join(dir, 'templates', name), text);
  }
  if (workshopExtra) writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}${workshopExtra}`);
  return dir;
}

describe('overrides', () => {
  it('a project file replaces the default of the same name, partials included; the rest keep the default', async () => {
    const dir = project({ 'partials/person.md.hbs': '{{name}} [PERSON]' });
    expect((await runInProcess(['build', dir])).code).toBe(0);
    const report = read(path.join(dir, 'out/report.md'));
    expect(report).toMatch(/\[PERSON\]/);
    expect(report).toContain('# Introduction');
  });

  it('--templates DIR2 replaces the project templates folder', async () => {
    const dir = project({ 'partials/person.md.hbs': '{{name}} [FROM PROJECT]' });
    const other = path.join(work, 'other-templates');
    mkdirSync(path.join(other, 'partials'), { recursive: true });
    writeFileSync(path.join(other, 'partials/person.md.hbs'), '{{name}} [FROM DIR2]');
    expect((await runInProcess(['build', dir, '--templates', other])).code).toBe(0);
    const report = read(path.join(dir, 'out/report.md'));
    expect(report).toContain('[FROM DIR2]');
    expect(report).not.toContain('[FROM PROJECT]');
  });

  it('--templates DIR2 that is not there stops with a setup error (it used to build with the defaults, silently)', async () => {
    const dir = project({ 'partials/person.md.hbs': '{{name}} [FROM PROJECT]' });
    for (const command of [['build', dir], ['templates', 'list', '--project', dir]]) {
      const result = await runInProcess([...command, '--templates', path.join(work, 'house-templats')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/The templates folder .*house-templats does not exist\.\nhint: Check the folder given to --templates/);
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const file = path.join(dir, 'workshop.yaml');
    expect((await runInProcess(['build', dir, '--templates', file])).stderr).toMatch(/The templates folder .*workshop\.yaml is a file, not a folder\./);
  });

  it('templates eject and list refuse a --project that is no project (eject made the folder and said it had copied there): exit 2', async () => {
    for (const command of [['templates', 'eject', 'report'], ['templates', 'list']]) {
      const result = await runInProcess([...command, '--project', 'nowher'], { cwd: work });
      expect(result.code, command.join(' ')).toBe(2);
      expect(result.stderr).toContain('nowher has no workshop.yaml (nor programme.yaml): it is not a project folder.');
    }
    expect(existsSync(path.join(work, 'nowher'))).toBe(false);
    // A folder of house templates needs no project.
    expect((await runInProcess(['templates', 'eject', 'report', '--templates', 'house'], { cwd: work })).code).toBe(0);
    expect(existsSync(path.join(work, 'house/report.md.hbs'))).toBe(true);
  });

  it('validate finds a misspelt label of {{t}} and a misspelt @root path, as build did after validate had passed', async () => {
    const dir = project({ 'report.md.hbs': '# {{t "introductoin"}}\n\n{{@root.workshop.titel}} {{@root.workshop.title}} {{#each sessions}}{{@index}} {{@root.workshop.short_title}}{{/each}}\n' });
    const result = await runInProcess(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/templates\/report\.md\.hbs:1:7 error \{\{t "introductoin"\}\} names no label\. \[template-unknown-name\]\n(.*\n)+ {2}hint: Did you mean \{\{t "introduction"\}\}\?/);
    expect(result.stderr).toMatch(/templates\/report\.md\.hbs:3:3 error .*“titel”.* \[template-unknown-name\]\n(.*\n)+ {2}hint: Did you mean “title”\?/);
    expect(result.stderr).toMatch(/^2 errors$/m);
  });

  it('an expression left open is named at its {{, and a stray brace in words, not in Handlebars token names', async () => {
    const open = project({ 'report.md.hbs': '# Report\n\n\\{{ shown as text\n{{workshop.summary\n\nmore {{workshop.title}}\n' });
    const opened = await runInProcess(['validate', open]);
    expect(opened.code).toBe(1);
    expect(opened.stderr).toMatch(/templates\/report\.md\.hbs:4:1 error This \{\{ is never closed: the template reads on as part of it\. \[template-syntax\]\n(.*\n)+ {2}hint: Add \}\} where the expression ends/);
    const stray = project({ 'report.md.hbs': '# Report\n\n{{! use {{workshop.title}} for the title }}\n{{workshop.title}}}\n' });
    const strayed = (await runInProcess(['validate', stray])).stderr;
    // Three closing braces on two opening ones: said so, at its {{ (it was “Template syntax error near “}}}”” at the braces).
    expect(strayed).toMatch(/templates\/report\.md\.hbs:4:1 error “\{\{workshop\.title\}\}\}” opens with two braces and closes with three\. \[template-syntax\]\n(.*\n)+ {2}hint: Write \{\{workshop\.title\}\}: two braces on each side\.\n/);
    // A short comment ends at its first }}: its {{ is not an expression left open.
    expect(strayed).not.toContain('never closed');
  });

  it('a stray {{else}} or {{/if}} is named as such, at its {{ (it was “near inverse”, at a column past the end of the line)', async () => {
    const shipped = read(path.join(ROOT, 'templates/recommendations.md.hbs'));
    const last = shipped.replace(/\n$/, '').split('\n').length + 1;
    for (const [stray, message, hint] of [
      ['{{else}}', '{{else}} is outside any {{#if}}, {{#each}} or {{#unless}} block. [template-syntax]', 'hint: Remove it, or put it inside a block, between its opening and its closing: {{#if …}}…{{else}}…{{/if}}.'],
      ['{{/if}}', '{{/if}} closes no block: no {{#if …}} is open here. [template-syntax]', 'hint: Remove it, or open it with {{#if …}} where the block starts.'],
      ['{{else if workshop.title}}', '{{else if workshop.title}} is outside any {{#if}}, {{#each}} or {{#unless}} block.', 'hint: Remove it'],
    ] as const) {
      const dir = project({ 'recommendations.md.hbs': `${shipped.replace(/\n$/, '')}\nX ${stray} Y\n` });
      for (const command of ['validate', 'build']) {
        const result = await runInProcess([command, dir], { cwd: dir });
        expect(result.code, `${command} ${stray}`).toBe(1);
        expect(result.stderr, `${command} ${stray}`).toContain(`templates/recommendations.md.hbs:${last}:3 error ${message}`);
        expect(result.stderr, `${command} ${stray}`).toContain(hint);
        expect(result.stderr, `${command} ${stray}`).not.toMatch(/inverse|near “\{\{\/”/);
      }
    }
    // A second {{else}} in one block, at that {{else}}.
    const twice = project({ 'report.md.hbs': 'x\n\n{{#if workshop.title}}a{{else}}b{{else}}c{{/if}}\n' });
    expect((await runInProcess(['validate', twice], { cwd: twice })).stderr).toContain('templates/report.md.hbs:3:33 error {{else}} is the second {{else}} of its block: a block has one. [template-syntax]');
  });

  it('{{log …}} is no helper of ours: it printed to stdout, breaking --reporter json, and into CI logs', async () => {
    const dir = project({ 'report.md.hbs': '# Report\n\n{{log workshop.title}}\n' });
    const checked = await runInProcess(['validate', dir]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/templates\/report\.md\.hbs:3:3 error \{\{log …\}\} calls a helper that does not exist\. \[template-unknown-name\]/);
    expect(checked.stderr).toContain('hint: Handlebars’ log is not available: it prints to the console, not to the report.');
    const built = await runInProcess(['build', dir, '--reporter', 'json']);
    expect(built.code).toBe(1);
    expect((JSON.parse(built.stdout) as Array<{ ruleId: string }>).map((d) => d.ruleId)).toEqual(['template-unknown-name']);
  });

  it('a project whose templates is a file stops validate and build with a setup error (it was an internal error, exit 3)', async () => {
    const dir = project({});
    writeFileSync(path.join(dir, 'templates'), 'x\n');
    for (const command of [['validate', dir], ['build', dir], ['templates', 'list', '--project', dir]]) {
      const result = await runInProcess(command);
      expect(result.code, command.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/The project's templates \(.*templates\) is a file, not a folder: its own templates go in a folder templates\/\.\nhint: Rename or remove that file/);
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a partial that includes itself, directly or through another, is said at the call that closes the loop (it was at 1:1 of the shipped report)', async () => {
    const self = project({ 'partials/person.md.hbs': '{{name}}\n{{> person}}\n' });
    const result = await runInProcess(['build', self], { cwd: self });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/partials\/person\.md\.hbs:2:1 error The partial “person” includes itself, without end\. \[template-runtime\]$/m);
    expect(result.stderr).toContain('hint: Take out this {{> …}}, or place it only inside an {{#if}} that becomes false.');
    const loop = project({ 'partials/person.md.hbs': '{{name}} {{> signature}}\n', 'partials/signature.md.hbs': '— {{> person}}\n' });
    const through = await runInProcess(['build', loop], { cwd: loop });
    expect(through.code).toBe(1);
    expect(through.stderr).toMatch(/^templates\/partials\/signature\.md\.hbs:1:3 error The partial “person” includes itself through “signature”, without end\. \[template-runtime\]$/m);
  });

  it('an optional field an item lacks says so and how to guard it (it was "the data does not have" the field, which it has)', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{#each workshop.organizers}}[{{acronym}}]{{/each}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:\d+ error “acronym” is an optional field, and an item here has none\. \[template-runtime\]$/m);
    expect(result.stderr).toContain('hint: Print it only when it is there: {{#if acronym}}…{{/if}}.');
    const guarded = project({ 'report.md.hbs': 'x\n\n{{#each workshop.organizers}}{{#if acronym}}[{{acronym}}]{{/if}}{{/each}}\n' });
    expect((await runInProcess(['build', guarded], { cwd: guarded })).code).toBe(0);
  });

  it('validate warns of an optional field printed outside an {{#if}} on it, which build stops at where the data lacks it (validate passed, build failed)', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{#each workshop.organizers as |o|}}[{{acronym}}] {{o.acronym}}{{/each}} {{workshop.subtitle}}\n{{#with workshop}}{{#each organizers}}{{../subtitle}}{{/each}}{{/with}}\n' });
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:40 warning \{\{acronym\}\} prints “acronym”, which the data may not have: where it is missing, the build stops\. \[template-optional-field\]$/m);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:\d+ warning \{\{o\.acronym\}\} prints “acronym”/m);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:\d+ warning \{\{workshop\.subtitle\}\} prints “subtitle”/m);
    expect(result.stderr).toContain('hint: Print it only when it is there: {{#if o.acronym}}…{{/if}}.');
    expect(result.stderr).toContain('hint: Print it only when it is there: {{#if ../subtitle}}…{{/if}}.');
    expect(result.stderr.match(/\[template-optional-field\]/g)).toHaveLength(4);
    // Guarded by {{#if}} (or in {{#unless}}'s else), each is quiet; what build made of it is unchanged.
    const guarded = project({ 'report.md.hbs': 'x\n\n{{#each workshop.organizers as |o|}}{{#if acronym}}[{{acronym}}]{{/if}} {{#unless o.acronym}}-{{else}}{{o.acronym}}{{/unless}}{{/each}} {{#if workshop.subtitle}}{{workshop.subtitle}}{{/if}}\n' });
    const quiet = await runInProcess(['validate', guarded], { cwd: guarded });
    expect(quiet.stderr).not.toContain('template-optional-field');
    expect((await runInProcess(['build', guarded], { cwd: guarded })).code).toBe(0);
  });

  it('a field of fixed values compared with a text it never is is an error at the text, with the one meant ((eq priority "High") hid every recommendation without a word)', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{#each recommendations}}{{#if (eq priority "High")}}! {{/if}}{{#if (ne "don" ../language)}}?{{/if}}{{/each}}\n{{#each actions}}{{#if (eq status "in-progress")}}{{text}}{{/if}}{{/each}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:45 error \(eq priority "High"\) compares “priority” with “High”, which it never is: its values are high, medium, low\. What this guards would never print\. \[template-compare-value\]$/m);
    expect(result.stderr).toContain('hint: Did you mean "high"? Compare with one of its values, written as the notes write it: "high", "medium", "low".');
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:\d+ error \(ne \.\.\/language "don"\) compares “\.\.\/language” with “don”, which it never is: its values are en, fr\. This is always true\./m);
    expect(result.stderr.match(/\[template-compare-value\]/g)).toHaveLength(2);
    expect(existsSync(path.join(dir, 'out/report.md'))).toBe(false);
    // A value it can have is quiet, and prints.
    const right = project({ 'report.md.hbs': 'x\n\n{{#each recommendations}}{{#if (eq priority "high")}}HIGH {{/if}}{{/each}}\n' });
    const built = await runInProcess(['build', right], { cwd: right });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain('template-compare-value');
    expect(read(path.join(right, 'out/report.md'))).toContain('HIGH');
  });

  it('the shipped templates print no optional field unguarded', async () => {
    const dir = project();
    expect((await runInProcess(['templates', 'eject', '--project', dir], { cwd: dir })).code).toBe(0);
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('template-optional-field');
  });

  it('block parameters (as |session index|) are understood, and their fields checked', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{#each sessions as |session index|}}{{index}}: {{session.title}} ({{title}}){{#with session.date as |day|}} {{day}}{{/with}}\n{{/each}}' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(read(path.join(dir, 'out/report.md'))).toMatch(/^0: (.+) \(\1\) \d{4}-\d{2}-\d{2}$/m);
    const misspelt = project({ 'report.md.hbs': 'x\n\n{{#each sessions as |session|}}{{session.titel}}{{/each}}\n' });
    const wrong = await runInProcess(['build', misspelt], { cwd: misspelt });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^templates\/report\.md\.hbs:3:34 error The template uses “titel” \(in \{\{session\.titel\}\}\), which the data does not have here\./m);
    expect(wrong.stderr).toContain('Did you mean “title”?');
  });

  it('a misnamed override is a warning naming the default it was meant for (it left the default in place without a word)', async () => {
    const dir = project({ 'Report.md.hbs': '# MINE\n', 'partials/persons.md.hbs': '{{name}} [MINE]', 'partials/used.md.hbs': 'x', 'notes.md.hbs': '{{> used}}' }, 'report:\n  documents: [report, { name: notes, template: notes.md.hbs }]\n');
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^templates\/Report\.md\.hbs:1:1 warning “Report\.md\.hbs” replaces no default template, and no document or template uses it\. \[unused-template\]$/m);
    expect(result.stderr).toContain('hint: Did you mean report.md.hbs?');
    expect(result.stderr).toContain('hint: Did you mean partials/person.md.hbs?');
    // A custom document's template and a partial it places are used.
    expect(result.stderr).not.toMatch(/notes\.md\.hbs:1:1 warning|used\.md\.hbs:1:1 warning/);
    expect(result.stderr).toMatch(/^2 warnings$/m);
    expect((await runInProcess(['build', dir, '--strict'])).code).toBe(1);
    // A partial placed by a computed name may be any partial: none is called unused.
    const computed = project({ 'partials/footer-public.md.hbs': 'F', 'notes.md.hbs': '{{> (concat "footer-" "public")}}' }, 'report:\n  documents: [report, { name: notes, template: notes.md.hbs }]\n');
    const built = await runInProcess(['build', computed], { cwd: computed });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain('unused-template');
  });

  it('a syntax error in a template makes no partial it places unused (validate advised removing it: a cascade)', async () => {
    const report = '# Report\n\n{{#each workshop.organizers}}\n- {{label}}{{#if acronym}} ({{acronym}}){{/each}}\n{{/each}}\n\n{{> acknowledgements}}\n';
    const dir = project({ 'report.md.hbs': report, 'partials/acknowledgements.md.hbs': '## Acknowledgements\n' });
    for (const command of ['validate', 'build']) {
      const result = await runInProcess([command, dir], { cwd: dir });
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:4:15 error The block \{\{#if\}\} is closed by \{\{\/each\}\}\. \[template-syntax\]$/m);
      expect(result.stderr, command).not.toContain('unused-template');
      expect(result.stderr, command).toMatch(/^1 error$/m);
    }
  });

  it('a template file misplaced (no .hbs, a language\'s folder in capitals, a partial beside the documents) is a warning saying where it goes; a README is not', async () => {
    const dir = project({ 'recommendations.md': '# MINE\n', 'report.md.handlebars': '# MINE\n', 'FR/report.md.hbs': '# MIEN\n', 'front-matter.hbs': 'x', 'README.md': 'Our house templates.\n' });
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>).filter((d) => d.ruleId === 'unused-template');
    expect(found.map((d) => [d.file, d.hint])).toEqual(expect.arrayContaining([
      ['templates/recommendations.md', 'Rename it recommendations.md.hbs to replace the default.'],
      ['templates/report.md.handlebars', 'Rename it report.md.hbs to replace the default.'],
      ['templates/FR/report.md.hbs', 'Rename the folder FR/ to fr/.'],
      ['templates/front-matter.hbs', 'Move it to templates/partials/front-matter.md.hbs.'],
    ]));
    expect(found).toHaveLength(4);
    expect(found[0]!.message).toMatch(/is not read: template files end in \.hbs, so the default \S+ is used\.|is in FR\/, which is not read|is named as a partial/);
    // The build says the same.
    const built = await runInProcess(['build', dir], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('templates/recommendations.md:1:1 warning “recommendations.md” is not read: template files end in .hbs, so the default recommendations.md.hbs is used. [unused-template]');
  });

  it('a chart directive mistyped in an ejected partial is an error at its place, from validate and build; columns the table lacks, from build', async () => {
    const shipped = read(path.join(ROOT, 'templates/partials/participation-table.md.hbs'));
    expect(shipped.split('\n')[2]).toMatch(/^<!-- wr:chart stacked-bars columns=/);
    const kind = project({ 'partials/participation-table.md.hbs': shipped.replace('wr:chart stacked-bars', 'wr:chart stacked-bar') });
    for (const command of ['validate', 'build']) {
      const result = await runInProcess([command, kind, ...(command === 'build' ? ['--format', 'md,html'] : [])], { cwd: kind });
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toMatch(/^templates\/partials\/participation-table\.md\.hbs:3:15 error The chart directive asks for a “stacked-bar” chart, a kind the tool does not draw \(it draws stacked-bars\)[^\n]*\[chart-directive\]$/m);
      expect(result.stderr, command).toContain('hint: Did you mean “stacked-bars”?');
    }
    expect(existsSync(path.join(kind, 'out/report.html'))).toBe(false);

    expect(shipped).toContain('columns="{{t "women"}},{{t "men"}}"');
    const columns = project({ 'partials/participation-table.md.hbs': shipped.replace('columns="{{t "women"}},{{t "men"}}"', 'columns="Female,Male"') });
    // Which columns the table has is known once it is rendered: validate cannot tell.
    expect((await runInProcess(['validate', columns], { cwd: columns })).code).toBe(0);
    const built = await runInProcess(['build', columns, '--format', 'md,html'], { cwd: columns });
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^templates\/partials\/participation-table\.md\.hbs:3:37 error The chart directive's columns “Female” and “Male” are not in the header row of the table after it, whose columns are “Country or group”, “Participants”, “Women”, “Men” and “Women \(%\)”: no chart would be drawn\. \[chart-directive\]$/m);
    expect(built.stderr.match(/\[chart-directive\]/g)).toHaveLength(1);
    expect(existsSync(path.join(columns, 'out/report.html'))).toBe(false);

    // As shipped, the chart is drawn.
    const fine = project({ 'partials/participation-table.md.hbs': shipped });
    const ok = await runInProcess(['build', fine, '--format', 'html'], { cwd: fine });
    expect(ok.code, ok.stderr).toBe(0);
    expect(read(path.join(fine, 'out/report.html'))).toContain('<svg');
  });

  it('a front-matter partial whose front matter is not valid YAML is one warning, at the partial\'s line, not at line 1 of each template placing it', async () => {
    const partial = read(path.join(ROOT, 'templates/partials/front-matter.md.hbs')).replace('title: {{yaml workshop.report_title}}', 'title: {{workshop.report_title}}: Final report');
    const dir = project({ 'partials/front-matter.md.hbs': partial }, 'report:\n  documents: [report, recommendations, country-briefs]\n');
    const line = partial.split('\n').indexOf('title: {{workshop.report_title}}: Final report') + 1;
    expect(line).toBeGreaterThan(1);
    const warning = `templates/partials/front-matter.md.hbs:${line}:1 warning The front matter this template writes is not valid YAML (Nested mappings are not allowed in compact mappings, in “title: {{workshop.report_title}}: Final report”)`;
    const built = await runInProcess(['build', dir], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain(warning);
    expect(built.stderr.match(/\[invalid-front-matter\]/g)).toHaveLength(1);
    expect(built.stderr).not.toMatch(/md\.hbs:1:1 warning/);
    // validate says the same, once.
    const checked = await runInProcess(['validate', dir], { cwd: dir });
    expect(checked.stderr).toContain(warning);
    expect(checked.stderr.match(/\[invalid-front-matter\]/g)).toHaveLength(1);
  });

  it('a template\'s front matter that is not valid YAML, its line found in no template, is said at the template\'s first line that writes something, not at its comment', async () => {
    // The title's line is written by a helper: no template has it, nor the key.
    const dir = project({ 'report.md.hbs': '{{!-- My report.\n     Two lines. --}}\n\n---\n{{concat "title: " workshop.short_title ": Final"}}\n---\n# Report\n' });
    const built = await runInProcess(['build', dir], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/^templates\/report\.md\.hbs:4:1 warning The front matter this template writes is not valid YAML \([^)]*, in “title: Border Security Workshop: Final”\)/m);
  });

  it('a custom document\'s front matter that is not valid YAML is a warning at its line; without front matter its first heading is its title (it was the file\'s name)', async () => {
    const documents = 'report:\n  documents: [report, { name: press, template: press.md.hbs }, { name: note, template: note.md.hbs }]\n';
    const dir = project({ 'press.md.hbs': '---\ntitle: Press: release of {{workshop.short_title}}\n---\n# Press release\n\nClosed.\n', 'note.md.hbs': '# A note to the file\n\nText.\n' }, documents);
    const result = await runInProcess(['build', dir, '--format', 'md,html'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^templates\/press\.md\.hbs:2:1 warning The front matter this template writes is not valid YAML \(Nested mappings are not allowed in compact mappings, in “title: Press: release of [^”]+”\): its title, date and organizers are not read, and the document's first heading is its title\. \[invalid-front-matter\]$/m);
    expect(result.stderr.match(/\[invalid-front-matter\]/g)).toHaveLength(1);
    // validate finds it too, without data (its --strict passed where build's failed).
    const checked = await runInProcess(['validate', dir, '--strict'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain('templates/press.md.hbs:2:1 warning The front matter this template writes is not valid YAML (Nested mappings are not allowed in compact mappings, in “title: Press: release of {{workshop.short_title}}”)');
    expect(read(path.join(dir, 'out/press.html'))).toContain('<title>Press release</title>');
    expect(read(path.join(dir, 'out/note.html'))).toContain('<title>A note to the file</title>');
  });

  it('templates list says which are overridden', async () => {
    const dir = project({ 'report.md.hbs': 'x', 'press.md.hbs': 'y' });
    const result = await runInProcess(['templates', 'list', '--project', dir]);
    expect(result.stdout).toMatch(/^report\.md\.hbs +overridden by the project$/m);
    expect(result.stdout).toMatch(/^partials\/person\.md\.hbs +default$/m);
    expect(result.stdout).toMatch(/^press\.md\.hbs +project only$/m);
  });

  it('a template in templates/LANG/ is that language\'s: listed so, ejected so, used by a one-language report in LANG', async () => {
    const dir = project({ 'fr/report.md.hbs': '# RAPPORT EN FRANÇAIS\n', 'fr/press.md.hbs': 'y' }, 'language: fr\n');
    const list = await runInProcess(['templates', 'list', '--project', dir]);
    expect(list.stdout).toMatch(/^fr\/report\.md\.hbs +overridden by the project \(fr only\)$/m);
    expect(list.stdout).toMatch(/^fr\/press\.md\.hbs +project only \(fr only\)$/m);
    // A French-only report uses templates/fr/ (it was ignored, and called unused).
    const built = await runInProcess(['build', dir], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(read(path.join(dir, 'out/report.md'))).toContain('RAPPORT EN FRANÇAIS');
    expect(built.stderr).not.toContain('fr/report.md.hbs');
    // A custom document may name its template with the folder, as before templates/fr/ was the French report's.
    const named = project({ 'fr/note.md.hbs': '# NOTE EN FRANÇAIS\n' }, 'language: fr\nreport:\n  documents: [report, { name: note, template: fr/note.md.hbs }]\n');
    for (const command of ['validate', 'build']) {
      const result = await runInProcess([command, named], { cwd: named });
      expect(result.code, `${command}: ${result.stderr}`).toBe(0);
      expect(result.stderr, command).not.toContain('fr/note.md.hbs');
    }
    expect(read(path.join(named, 'out/note.md'))).toContain('NOTE EN FRANÇAIS');
    // `eject fr/recommendations` copies the default into templates/fr/ (it refused the name).
    const ejected = await runInProcess(['templates', 'eject', 'fr/recommendations', '--project', dir]);
    expect(ejected.code, ejected.stderr).toBe(0);
    expect(read(path.join(dir, 'templates/fr/recommendations.md.hbs'))).toBe(read(path.join(ROOT, 'templates/recommendations.md.hbs')));
    // In a report without French, such a file is copied and listed, each time said to be unused.
    const english = project({ 'fr/report.md.hbs': '# RAPPORT\n' });
    expect((await runInProcess(['templates', 'list', '--project', english])).stdout).toMatch(/^fr\/report\.md\.hbs +overridden by the project \(fr only, unused: the report has no fr\)$/m);
    const unused = await runInProcess(['validate', english], { cwd: english });
    expect(unused.stderr).toMatch(/^templates\/fr\/report\.md\.hbs:1:1 warning “fr\/report\.md\.hbs” is the fr report's, and fr is not a language of the report \(en\)\. \[unused-template\]$/m);
    expect(unused.stderr).toContain('hint: Add fr to `languages:` in workshop.yaml, or remove the file.');
    const copied = await runInProcess(['templates', 'eject', 'fr/person', '--project', english]);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stderr).toMatch(/^Note: \S*templates\/fr\/ is used only when fr is a language of the report \(workshop\.yaml has en\)/m);
  });
});

describe('templates eject', () => {
  it('copies the named defaults, and never overwrites an edited file without --force', async () => {
    const dir = project();
    expect((await runInProcess(['templates', 'eject', 'report', 'person', '--project', dir])).code).toBe(0);
    expect(listFiles(path.join(dir, 'templates'))).toEqual(['partials/person.md.hbs', 'report.md.hbs']);
    expect(read(path.join(dir, 'templates/report.md.hbs'))).toBe(read(path.join(ROOT, 'templates/report.md.hbs')));
    writeFileSync(path.join(dir, 'templates/report.md.hbs'), 'edited');
    const again = await runInProcess(['templates', 'eject', '--project', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Kept your edited report.md.hbs');
    expect(read(path.join(dir, 'templates/report.md.hbs'))).toBe('edited');
    expect(existsSync(path.join(dir, 'templates/country-brief.md.hbs'))).toBe(true);
    expect((await runInProcess(['templates', 'eject', 'report', '--force', '--project', dir])).code).toBe(0);
    expect(read(path.join(dir, 'templates/report.md.hbs'))).not.toBe('edited');
    expect((await runInProcess(['templates', 'eject', 'nope', '--project', dir])).code).toBe(2);
  });
});

describe('a workshop\'s templates and a programme\'s', () => {
  it('eject copies those of the project\'s kind, and a template of the other kind in a project\'s folder is said to be unused (edits to it changed nothing, without a word)', async () => {
    const programme = path.join(work, `programme-${++counter}`);
    copyTree(path.join(ROOT, 'examples'), programme);
    const niamey = path.join(programme, 'niamey-2022');
    const sahel = path.join(programme, 'sahel-programme');
    expect((await runInProcess(['templates', 'eject', '--project', niamey])).code).toBe(0);
    const ejected = listFiles(path.join(niamey, 'templates'));
    expect(ejected).toContain('report.md.hbs');
    expect(ejected.filter((name) => name.startsWith('programme/') || name.includes('programme-front-matter'))).toEqual([]);
    expect((await runInProcess(['templates', 'eject', '--project', sahel])).code).toBe(0);
    expect(listFiles(path.join(sahel, 'templates'))).toEqual(['partials/programme-front-matter.md.hbs', 'programme/actions.md.hbs', 'programme/country-dossier.md.hbs', 'programme/overview.md.hbs', 'programme/recurring.md.hbs']);
    // Copied by hand into the wrong project: a warning at each, saying where it belongs.
    mkdirSync(path.join(niamey, 'templates/programme'), { recursive: true });
    writeFileSync(path.join(niamey, 'templates/programme/overview.md.hbs'), read(path.join(ROOT, 'templates/programme/overview.md.hbs')).replace('# ', '# Edited '));
    writeFileSync(path.join(sahel, 'templates/report.md.hbs'), read(path.join(ROOT, 'templates/report.md.hbs')));
    const workshop = await runInProcess(['validate', niamey]);
    expect(workshop.stderr).toMatch(/niamey-2022\/templates\/programme\/overview\.md\.hbs:1:1 warning “programme\/overview\.md\.hbs” is a programme's template: a workshop's build does not use it\. \[unused-template\]$/m);
    const whole = await runInProcess(['validate', sahel]);
    expect(whole.stderr).toMatch(/templates\/report\.md\.hbs:1:1 warning “report\.md\.hbs” is a workshop's template: a programme's build does not use it\. \[unused-template\]$/m);
    expect(whole.stderr.match(/\[unused-template\]$/gm)).toHaveLength(2);
    // A partial the programme's own overview places is the programme's; a language's folder is never read by a programme.
    writeFileSync(path.join(sahel, 'templates/partials/person.md.hbs'), read(path.join(ROOT, 'templates/partials/person.md.hbs')));
    writeFileSync(path.join(sahel, 'templates/programme/overview.md.hbs'), `${read(path.join(sahel, 'templates/programme/overview.md.hbs'))}\n{{#each programme.organizers}}{{> person name=name}}{{/each}}\n`);
    mkdirSync(path.join(sahel, 'templates/fr/programme'), { recursive: true });
    writeFileSync(path.join(sahel, 'templates/fr/programme/overview.md.hbs'), read(path.join(ROOT, 'templates/programme/overview.md.hbs')));
    const again = await runInProcess(['validate', sahel]);
    expect(again.stderr).not.toMatch(/partials\/person\.md\.hbs:1:1 warning/);
    expect(again.stderr).toMatch(/templates\/fr\/programme\/overview\.md\.hbs:1:1 warning “fr\/programme\/overview\.md\.hbs” is in a language's folder: a programme's build reads its templates from templates\/programme\/overview\.md\.hbs, in programme\.yaml's language\. \[unused-template\]$/m);
    // A folder named like no language of the tool is judged as before (it was silent).
    mkdirSync(path.join(niamey, 'templates/es/programme'), { recursive: true });
    writeFileSync(path.join(niamey, 'templates/es/programme/overview.md.hbs'), 'x');
    expect((await runInProcess(['validate', niamey])).stderr).toMatch(/templates\/es\/programme\/overview\.md\.hbs:1:1 warning .*\[unused-template\]$/m);
  });
});

describe('templates list and the project\'s kind', () => {
  it('lists the defaults of the project\'s kind only (a workshop listed the programme\'s as `default`), every file of the project\'s own, and all of them for a --templates folder', async () => {
    const programme = path.join(work, `programme-${++counter}`);
    copyTree(path.join(ROOT, 'examples'), programme);
    const niamey = path.join(programme, 'niamey-2022');
    const sahel = path.join(programme, 'sahel-programme');
    const names = (stdout: string) => stdout.split('\n').filter(Boolean).map((line) => line.split(/ {2,}/)[0]!);
    const workshop = await runInProcess(['templates', 'list', '--project', niamey]);
    expect(workshop.code, workshop.stderr).toBe(0);
    expect(names(workshop.stdout)).toContain('report.md.hbs');
    expect(names(workshop.stdout)).toContain('partials/person.md.hbs');
    expect(names(workshop.stdout).filter((name) => name.startsWith('programme/') || name.includes('programme-front-matter'))).toEqual([]);
    const whole = await runInProcess(['templates', 'list', '--project', sahel]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(names(whole.stdout).sort()).toEqual(['partials/programme-front-matter.md.hbs', 'programme/actions.md.hbs', 'programme/country-dossier.md.hbs', 'programme/overview.md.hbs', 'programme/recurring.md.hbs']);
    // As eject copies them: the list is what eject would copy.
    expect((await runInProcess(['templates', 'eject', '--project', sahel])).code).toBe(0);
    expect(listFiles(path.join(sahel, 'templates')).sort()).toEqual(names(whole.stdout).sort());
    // A file of the project's own is listed whatever its kind; a document of the other kind is said to be unused.
    mkdirSync(path.join(niamey, 'templates/programme'), { recursive: true });
    writeFileSync(path.join(niamey, 'templates/programme/overview.md.hbs'), 'x');
    expect((await runInProcess(['templates', 'list', '--project', niamey])).stdout).toMatch(/^programme\/overview\.md\.hbs +overridden by the project \(unused: a programme's template, which a workshop does not read\)$/m);
    writeFileSync(path.join(sahel, 'templates/report.md.hbs'), 'x');
    expect((await runInProcess(['templates', 'list', '--project', sahel])).stdout).toMatch(/^report\.md\.hbs +overridden by the project \(unused: a workshop's template, which a programme does not read\)$/m);
    // A --templates folder (a programme's house templates, shared with its workshops): every template.
    const house = path.join(programme, 'house');
    mkdirSync(house);
    const shared = await runInProcess(['templates', 'list', '--project', niamey, '--templates', house]);
    expect(shared.code, shared.stderr).toBe(0);
    expect(names(shared.stdout)).toEqual(expect.arrayContaining(['report.md.hbs', 'programme/overview.md.hbs']));
  });
});

describe('custom documents', () => {
  it('renders per-workshop and per-country documents without code', async () => {
    const dir = project({
      'press-release.md.hbs': '{{> front-matter document="Press release"}}\n\n# {{workshop.title}}\n\n{{join countries "name"}} met on {{dateRange workshop.dates style="prose"}}.\n',
      'minister.md.hbs': '# {{brief.country.name}}\n\n{{length brief.recommendations}} recommendations.\n',
    }, 'report:\n  documents:\n    - report\n    - { name: press-release, template: press-release.md.hbs }\n    - { name: minister, template: minister.md.hbs, per: country }\n');
    const result = await runInProcess(['build', dir]);
    expect(result.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toEqual(['.workshop-report.json', 'minister/MLI.md', 'minister/NER.md', 'press-release.md', 'report.md']);
    expect(read(path.join(dir, 'out/press-release.md'))).toMatch(/Mali and Niger met on 9–10 May 2022\./);
    expect(read(path.join(dir, 'out/minister/NER.md'))).toMatch(/^# Niger$/m);
  });
});

describe('mistakes in templates are located, and the build writes nothing', () => {
  it('a misspelt field: the missing name, 1-based line and column, did you mean', async () => {
    const dir = project({ 'report.md.hbs': 'first line\n{{#each sessions}}\n  {{sesion.title}}\n{{/each}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:5 error The template uses “sesion” \(in \{\{sesion\.title\}\}\), which the data does not have here\. \[template-unknown-name\]$/m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a syntax error, in any template, names file:line:col', async () => {
    const dir = project({ 'partials/person.md.hbs': '{{name}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/partials\/person\.md\.hbs:1:\d+ error .*\[template-syntax\]$/m);
  });

  it('a block closed by another name: both names, at the opening, and which one was meant', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{#eahc sessions}}\n{{title}}\n{{/each}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:4 error The block \{\{#eahc\}\} is closed by \{\{\/each\}\}\. \[template-syntax\]$/m);
    expect(result.stderr).toContain('hint: Did you mean {{#each}}?');
  });

  it('a block never closed: the block, at its opening (not the end of the file), and how to close it', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{#each sessions}}\n{{#if title}}{{title}}{{/if}}\n{{!-- {{/each}} in a comment closes nothing --}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:4 error The block \{\{#each\}\} is never closed: the template ends first\. \[template-syntax\]$/m);
    expect(result.stderr).toContain('hint: Close it with {{/each}} where the block ends.');
  });

    it('a field a helper names in quotes, and a helper that does not exist, are checked before rendering', async () => {
    const cases: Array<[string, RegExp, string]> = [
      ['{{join countries "nam"}}', /^templates\/report\.md\.hbs:3:18 error The template uses “nam” \(in \{\{join … "nam"\}\}\), which the data does not have here\./m, 'Did you mean “name”?'],
      ['{{lookup workshop "titel"}}', /^templates\/report\.md\.hbs:3:19 error The template uses “titel”/m, 'Did you mean “title”?'],
      ['{{#each (sortBy countries "nmae")}}{{name}}{{/each}}', /^templates\/report\.md\.hbs:3:27 error The template uses “nmae”/m, 'Did you mean “name”?'],
      ['{{uper workshop.title}}', /^templates\/report\.md\.hbs:3:3 error \{\{uper …\}\} calls a helper that does not exist\. \[template-unknown-name\]$/m, 'The helpers are listed in docs/templates.md'],
    ];
    for (const [line, where, hint] of cases) {
      const dir = project({ 'report.md.hbs': `x\n\n${line}\n` });
      const result = await runInProcess(['build', dir], { cwd: dir });
      expect(result.code, line).toBe(1);
      expect(result.stderr, line).toMatch(where);
      expect(result.stderr, line).toContain(hint);
    }
  });

  it('a mistake in a partial every document renders is one error, as validate says (build said it once per document)', async () => {
    const partial = read(path.join(ROOT, 'templates/partials/front-matter.md.hbs')).replace('dateRange', 'daterange');
    const dir = project({ 'partials/front-matter.md.hbs': partial });
    for (const command of [['validate', dir], ['build', dir, '--format', 'md,html']]) {
      const result = await runInProcess(command, { cwd: dir });
      expect(result.code, command[0]).toBe(1);
      expect(result.stderr.match(/ error .*\[template-unknown-name\]$/gm), command[0]).toEqual([' error {{daterange …}} calls a helper that does not exist. [template-unknown-name]']);
    }
  });

  it('a heading changed while the links to it were not is a warning at the first link, once, with how many lead there (the links went nowhere, without a word)', async () => {
    const report = read(path.join(ROOT, 'templates/report.md.hbs'));
    expect(report).toContain('## {{t "session_number" number=number}}: {{title}}');
    // Each session's heading, and the country summaries' headings of the same words (which the links would find instead).
    const renamed = report.replace('## {{t "session_number" number=number}}: {{title}}', '## Part {{number}}: {{title}}').replace('### {{t "session_number" number=session.number}}: {{session.title}}', '### Part {{session.number}}: {{session.title}}');
    const dir = project({ 'report.md.hbs': renamed });
    const result = await runInProcess(['build', dir, '--format', 'md,html'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    // Session 1 is linked from the recommendations' table, the programme annex and the country summaries: one warning, counting them.
    const warnings = result.stderr.match(/^out\/report\.md:\d+:\d+ warning This link leads to “#session-1-[^”]*”, a heading this document does not have\. \d+ more links lead there too\. \[broken-anchor\]$/gm);
    expect(warnings, result.stderr).toHaveLength(1);
    expect(result.stderr).toContain('give the link {{slug …}} of the heading\'s text');
    // The shipped templates, ejected as they are: no such warning.
    const same = project({ 'report.md.hbs': report });
    expect((await runInProcess(['build', same], { cwd: same })).stderr).not.toContain('broken-anchor');
  });

  it('a session heading changed while the country summaries\' headings kept its words: every session is named, not only those no country spoke to (6 warnings for 16 headings missed)', async () => {
    const dir = path.join(work, `rabat-${++counter}`);
    copyTree(path.join(ROOT, 'examples/rabat-2022'), dir);
    const report = read(path.join(ROOT, 'templates/report.md.hbs'));
    const heading = '## {{t "session_number" number=number}}: {{title}}';
    expect(report).toContain(heading);
    writeFileSync(path.join(dir, 'templates/report.md.hbs'), report.replace(heading, '## {{t "session_number" number=number}} — {{title}}'));
    const result = await runInProcess(['build', dir, '-o', path.join(dir, 'o1'), '--format', 'md', '-r', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const warnings = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string }>).filter((d) => d.ruleId === 'broken-anchor');
    const sessions = (language: string) => warnings.filter((d) => d.file.startsWith(`o1/${language}/`)).map((d) => /“#session-(\d)-/.exec(d.message)![1]).sort();
    // Each session of each language once (a heading of one document, whichever edition misses it).
    expect(sessions('en')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(sessions('fr')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(warnings.find((d) => d.message.includes('#session-2-recent-trends'))?.message).toMatch(/^This link leads to “#session-2-recent-trends-and-threats-in-the-region”, the first of the \d headings of this document that say those words, none standing above the others\. \d+ more links lead there too\.$/);
  });

  it('a helper given what it cannot use stops at that call (it printed "undefined undefined NaN"); an optional field some items lack is left out', async () => {
    const dir = project({ 'report.md.hbs': 'x {{date workshop.dates.end}}\n\n{{#each sessions}}{{date date}}{{/each}}\n{{date workshop.title}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:4:1 error \{\{date\}\} takes a date, YYYY-MM-DD, not “.*”\. \[template-runtime\]$/m);
    // A call the hint offers that works where it is written (it offered {{date session.date}}, which no part of the data has).
    expect(result.stderr).toContain('hint: Give it a date field of the data: {{date workshop.dates.end}}, or, inside {{#each sessions}}, {{date date}}');
    const acronyms = project({ 'report.md.hbs': 'x\n\n{{join workshop.organizers "acronym"}}.\n' });
    expect((await runInProcess(['build', acronyms], { cwd: acronyms })).code).toBe(0);
    expect(read(path.join(acronyms, 'out/report.md'))).not.toContain('undefined');
    // When no item has it (no organizer with an acronym), the optional field gives nothing; it used to stop the build.
    writeFileSync(path.join(acronyms, 'workshop.yaml'), read(path.join(acronyms, 'workshop.yaml')).replace(/^ *acronym: .*\n/m, ''));
    expect((await runInProcess(['build', acronyms], { cwd: acronyms })).code).toBe(0);
    expect(read(path.join(acronyms, 'out/report.md'))).toContain('x\n\n.\n');
  });

  it('a helper given too few values, or values of the wrong kind, stops at the call instead of printing nothing, “—” or “[object Object]”', async () => {
    const cases: Array<[string, string, string]> = [
      // Too few values: found by the template check (validate says it too), at the call, with what the helper takes.
      ['{{dateRange}}', '3:1 error {{dateRange}} takes dates (a start and an end); this call gives none. [template-syntax]', 'Write it as {{dateRange workshop.dates style="prose"}}.'],
      ['{{dayMonth}}', '3:1 error {{dayMonth}} takes a date, YYYY-MM-DD; this call gives none.', 'Write it as {{dayMonth session.date}}.'],
      ['{{plural 2 "action"}}', '3:1 error {{plural}} takes a count and two words (for one, and for more); this call gives two.', 'Write it as {{plural count "action" "actions"}}.'],
      ['{{t}}', '3:1 error {{t}} takes the key of a label; this call gives none.', 'Write it as {{t "session_number" number=number}}.'],
      ['{{num "abc"}}', '3:1 error {{num}} takes a number, not “abc”.', 'Give it a number: {{num participation.total}}.'],
      // (Found by the template check since: at the value, before rendering.)
      ['x {{t "participants_count" count=(percent workshop)}}', '3:43 error workshop has fields (title, subtitle, short_title, report_title, dates, …): {{percent}} takes a number (a share), not a part of the data with fields.', 'Give it the one of its fields that holds a number;'],
      ['{{addressee workshop}}', '3:1 error {{addressee}} takes an addressee (an owner, an item of addressed_to), not a mapping.', '{{addressee owner}}'],
      ['{{addressees workshop.title}}', '3:1 error {{addressees}} takes a list, not “', '{{addressees addressed_to}}'],
      ['{{countryOf workshop}}', '3:1 error {{countryOf}} takes a country, not a mapping.', '{{countryOf brief.country}}'],
      ['{{join workshop.title}}', '3:1 error {{join}} takes a list, not “', '{{join countries "name"}}'],
      ['{{join countries}}', '3:1 error {{join}} was given a list of mappings without the field to print.', 'Name the field: {{join countries "name"}}'],
      ['{{#each (sortBy workshop.title "name")}}{{/each}}', '3:9 error {{sortBy}} takes a list, not “', '{{#each (sortBy countries "name")}}'],
      ['{{dateRange workshop.title}}', '3:1 error {{dateRange}} takes dates (a start and an end), not “', '{{dateRange workshop.dates}}'],
      // One value too many: never read, where the build went on as if it were not there; at that value, by the template check.
      ['{{date workshop.dates.start "long"}}', '3:29 error {{date}} takes one value; this call gives 2, and the last is never read. [template-syntax]', 'Write it as {{date session.date}}.'],
      ['{{#if (eq workshop.title "x" "y")}}{{/if}}', '3:30 error {{eq}} takes two values; this call gives 3, and the last is never read.', 'Write it as {{#if (eq type "opening")}}.'],
    ];
    for (const [line, message, hint] of cases) {
      const dir = project({ 'report.md.hbs': `x\n\n${line}\n` });
      const result = await runInProcess(['build', dir], { cwd: dir });
      expect(result.code, line).toBe(1);
      expect(result.stderr, line).toContain(`templates/report.md.hbs:${message}`);
      expect(result.stderr, line).toContain(hint);
      expect(existsSync(path.join(dir, 'out')), line).toBe(false);
    }
  });

  it('a value {{t}} gives its label no place for, or a place it leaves unfilled: at the value or the call (the document printed “Session {number}”)', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{#each sessions}}\n## {{t "session_number" numbr=number}}\n{{/each}}\n{{t "status_as_of"}}\n{{t "owner" name="x"}}\n' });
    for (const command of ['validate', 'build']) {
      const result = await runInProcess([command, dir], { cwd: dir });
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:4:25 error \{\{t "session_number"\}\} is given “numbr”, which its label has no place for \(it has \{number\}\)\. \[template-unknown-name\]$/m);
      expect(result.stderr, command).toContain('hint: Did you mean number=…?');
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:6:1 error \{\{t "status_as_of"\}\} leaves \{date\} of its label unfilled: the document would print “\{date\}” as it is\./m);
      expect(result.stderr, command).toContain('hint: Give it: {{t "status_as_of" date=…}}.');
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:7:13 error \{\{t "owner"\}\} is given “name”, which its label has no place for \(it has none\)\./m);
      expect(result.stderr, command).toMatch(/^3 errors$/m);
    }
  });

  it('an option a helper does not take, or a value it does not know, is an error at it (the French report printed “9–13 mai 2022”, exit 0)', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{dateRange workshop.dates stlye="prose"}}\n{{dateRange workshop.dates style="prosa"}}\n{{date workshop.dates.start format="long"}}\n' });
    for (const command of ['validate', 'build']) {
      const result = await runInProcess([command, dir], { cwd: dir });
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:3:28 error \{\{dateRange\}\} is given “stlye=”, an option it does not take \(it takes style\): the build would go on as if it were not there\. \[template-unknown-name\]$/m);
      expect(result.stderr, command).toContain('hint: Did you mean style=…? {{dateRange}} takes style="prose" or style="compact".');
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:4:34 error \{\{dateRange\}\} is given style="prosa", which it does not know/m);
      expect(result.stderr, command).toContain('hint: Did you mean style="prose"?');
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:5:29 error \{\{date\}\} is given “format=”, but it takes no options/m);
      expect(result.stderr, command).toMatch(/^3 errors$/m);
      expect(existsSync(path.join(dir, 'out')), command).toBe(false);
    }
  });

    it('a label that does not exist: where {{t}} asks for it, and the label meant', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n## {{t "recomendations"}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    // Found by the template check (validate finds it too), at the label: it was found when rendering.
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:8 error \{\{t "recomendations"\}\} names no label\. \[template-unknown-name\]$/m);
    expect(result.stderr).toContain('hint: Did you mean {{t "recommendations"}}?');
  });

  it('a {{…}} that prints a part of the data with fields, or a list, stops the build (it printed "[object Object]"), saying what the value holds, at the {{…}}', async () => {
    for (const [template, said, hint] of [
      ['x {{workshop.dates}}\n', /^templates\/report\.md\.hbs:1:5 error \{\{workshop\.dates\}\} prints a part of the data with fields \(start, end\), not a text: the report would show “\[object Object\]”\. \[template-runtime\]$/m, 'Print one of its fields, e.g. {{workshop.dates.start}}.'],
      ['x {{countries}}\n', /^templates\/report\.md\.hbs:1:5 error \{\{countries\}\} prints a list \(of code, name\): the report would show “\[object Object\]”\. \[template-runtime\]$/m, 'Print a field of each item: {{#each countries}}{{name}}{{/each}}, or {{join countries "name"}}.'],
      // Unescaped, it printed “[object Object]” without a word.
      ['x {{{workshop.location}}}\n', /^templates\/report\.md\.hbs:1:6 error \{\{workshop\.location\}\} prints a part of the data with fields \(venue, city, country\)/m, 'Print one of its fields, e.g. {{workshop.location.city}}.'],
      ['{{#each sessions}}{{this}}{{/each}}\n', /^templates\/report\.md\.hbs:1:21 error \{\{this\}\} prints a part of the data with fields \([^)]+\), not a text/m, 'Print one of its fields, e.g. {{title}}.'],
      // A value the template check cannot follow (through a helper) stops the build while rendering.
      ['x {{lookup workshop "dates"}}\n', /A \{\{…\}\} in this template prints a part of the data with fields \(start, end\), not a text: the report would show “\[object Object\]”\. \[template-runtime\]$/m, 'Print one of its fields'],
      // The same through three braces printed “[object Object]” without a word: three braces print as two do (template-unescaped says so at them).
      ['x {{t "action"}}\n\ny {{{lookup workshop "dates"}}}\n', /^templates\/report\.md\.hbs:1:1 error A \{\{…\}\} in this template prints a part of the data with fields \(start, end\), not a text: the report would show “\[object Object\]”\. \[template-runtime\]$/m, 'Print one of its fields'],
    ] as const) {
      const dir = project({ 'report.md.hbs': template });
      const result = await runInProcess(['build', dir], { cwd: dir });
      expect(result.code, template).toBe(1);
      expect(result.stderr, template).toMatch(said);
      expect(result.stderr, template).toContain(`hint: ${hint}`);
      expect(existsSync(path.join(dir, 'out')), template).toBe(false);
    }
    // Notes that write the words themselves (in `code`), printed through three braces: no false stop.
    const words = project({ 'report.md.hbs': 'x {{{workshop.summary}}}\n' }, 'summary: "The `[object Object]` bug of the old tool."\n');
    const built = await runInProcess(['build', words, '--format', 'md'], { cwd: words });
    expect(built.code, built.stderr).toBe(0);
    expect(read(path.join(words, 'out/report.md'))).toContain('`[object Object]`');
    // Found before rendering: validate says it too.
    const dir = project({ 'report.md.hbs': 'x {{countries}}\n' });
    const checked = await runInProcess(['validate', dir], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/^templates\/report\.md\.hbs:1:5 error \{\{countries\}\} prints a list/m);
  });

  it('a helper given fewer values than it needs, or a part of the data with fields where it takes a text, is an error at the call before rendering (it printed “\\[object Object\\]”, “object-object”, “false” or nothing, exit 0)', async () => {
    const cases: Array<[string, string, string]> = [
      ['{{cell}}', '3:3 error {{cell}} takes a text; this call gives none. [template-syntax]', 'Write it as {{cell text}}.'],
      ['{{slug}}', '3:3 error {{slug}} takes a text; this call gives none. [template-syntax]', 'Write it as {{slug title}}.'],
      ['{{yaml}}', '3:3 error {{yaml}} takes a text; this call gives none. [template-syntax]', 'Write it as {{yaml workshop.title}}.'],
      ['{{gt}}', '3:3 error {{gt}} takes two numbers to compare; this call gives none. [template-syntax]', 'Write it as {{#if (gt participation.total 0)}}.'],
      ['{{#if (eq workshop.title)}}a{{/if}}', '3:9 error {{eq}} takes two values to compare; this call gives one. [template-syntax]', 'Write it as {{#if (eq type "opening")}}.'],
      ['{{any}}', '3:3 error {{any}} takes the lists (or values) to test; this call gives none. [template-syntax]', 'Write it as {{#if (any recommendations actions)}}.'],
      // Outside any item with a `date`: the helper has nothing to format (inside {{#each sessions}} it formats the session's).
      ['{{date}}', '3:3 error {{date}} takes a date, YYYY-MM-DD; this call gives none, and what it is in has no “date” field for it to format. [template-syntax]', 'A bare {{date}} formats the “date” of the item it is in: {{#each sessions}}{{date}}{{/each}}.'],
      // It was said at the template's first line, listing Handlebars' own fields (name, hash, data, loc, lookupProperty).
      ['{{indent}}', '3:3 error {{indent}} takes a text, and how many spaces to indent its lines after the first (2 when not given); this call gives none. [template-syntax]', 'Write it as {{indent text 2}}.'],
      ['{{sortBy sessions}}', '3:3 error {{sortBy sessions}} prints a list (of id, number, title, date, type, …): the report would show “[object Object]”. [template-runtime]', 'Print a field of each item: {{#each (sortBy sessions)}}{{title}}{{/each}}, or {{join (sortBy sessions) "title"}}.'],
      ['{{cell workshop.location}}', '3:10 error workshop.location has fields (venue, city, country): {{cell}} takes a text, not a part of the data with fields. [template-runtime]', 'Give it one of them, e.g. {{cell workshop.location.city}}.'],
      ['{{slug workshop.dates}}', '3:10 error workshop.dates has fields (start, end): {{slug}} takes a text, not a part of the data with fields. [template-runtime]', 'Give it one of them, e.g. {{slug workshop.dates.start}}.'],
      ['{{concat "a" workshop.dates}}', '3:16 error workshop.dates has fields (start, end): {{concat}} takes the texts to join, not a part of the data with fields. [template-runtime]', 'Give it one of them, e.g. {{concat "a" workshop.dates.start}}.'],
      ['{{#if (gt workshop.location 1)}}a{{/if}}', '3:13 error workshop.location has fields (venue, city, country): {{gt}} takes two numbers to compare, not a part of the data with fields. [template-runtime]', 'Give it the one of its fields that holds a number;'],
      ['{{cell countries}}', '3:10 error countries is a list (of code, name): {{cell}} takes a text, not a list. [template-runtime]', 'Give it a field of each item: {{cell (join countries "name")}}, or one item\'s in an {{#each countries}}…{{/each}}.'],
    ];
    for (const [expression, message, hint] of cases) {
      const dir = project({ 'report.md.hbs': `x\n\nX ${expression} Y\n` });
      for (const command of ['validate', 'build']) {
        const result = await runInProcess([command, dir], { cwd: dir });
        expect(result.code, `${command} ${expression}`).toBe(1);
        expect(result.stderr, `${command} ${expression}`).toContain(`templates/report.md.hbs:${message}`);
        expect(result.stderr, `${command} ${expression}`).toContain(hint);
        expect(result.stderr, `${command} ${expression}`).toMatch(/^1 error$/m);
      }
      expect(existsSync(path.join(dir, 'out')), expression).toBe(false);
    }
    // A bare {{date}} in an item that has a date is the helper formatting it, as the shipped templates use it; {{this.date}} is the field.
    const dated = project({ 'report.md.hbs': 'x\n\n{{#each sessions}}X {{date}} {{this.date}} Y\n{{/each}}\n' });
    const built = await runInProcess(['build', dated], { cwd: dated });
    expect(built.code, built.stderr).toBe(0);
    expect(read(path.join(dated, 'out/report.md'))).toMatch(/^X \d{1,2} \w+ \d{4} \d{4}-\d{2}-\d{2} Y$/m);
  });

  it('a ../ that goes above the top of the data is named at the path (a partial starts from the data it is given): it stopped the build with a JavaScript message at 1:1 of another file', async () => {
    const dir = project({
      'partials/row.md.hbs': '{{#each xs}}- {{name}} {{../../workshop.title}}\n{{/each}}\nT: {{../workshop.title}}\n',
      'report.md.hbs': 'x\n\n{{#each sessions}}\n{{> row xs=../countries}}\n{{/each}}\n{{../title}}\n',
    });
    for (const command of ['validate', 'build']) {
      const result = await runInProcess([command, dir], { cwd: dir });
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toMatch(/^templates\/partials\/row\.md\.hbs:1:26 error \{\{\.\.\/\.\.\/workshop\.title\}\} goes up 2 levels, above the top of the data: it is one block in \(\{\{#each\}\}, \{\{#with\}\}\), and a partial starts from the data it is given\. \[template-unknown-name\]$/m);
      expect(result.stderr, command).toContain('hint: Go up at most one level (../workshop.title), or start from the top of the data: {{@root.workshop.title}}, or give the partial what it needs: {{> name field=…}}.');
      expect(result.stderr, command).toMatch(/^templates\/partials\/row\.md\.hbs:3:6 error \{\{\.\.\/workshop\.title\}\} goes up one level, above the top of the data: it is in no/m);
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:6:3 error \{\{\.\.\/title\}\} goes up one level, above the top of the data: it is in no \{\{#each\}\} or \{\{#with\}\}\. \[template-unknown-name\]$/m);
      expect(result.stderr, command).toContain('hint: Start from the top of the data: {{@root.title}}.');
      expect(result.stderr, command).not.toContain('Cannot read properties');
    }
  });

  it('a missing partial names the partial and where it is called', async () => {
    const dir = project({ 'report.md.hbs': 'x\n\n{{> sesion-card}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:1 error The partial “sesion-card” does not exist\. \[template-missing-partial\]$/m);
  });

  it('a partial that includes itself stops with an error instead of hanging', async () => {
    const dir = project({ 'partials/loop.md.hbs': '{{> loop}}', 'report.md.hbs': '{{> loop}}' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[template-runtime]');
  });

  it('names misspelt fields where strict mode is silent: inside #if, #each and helper arguments, all at once', async () => {
    const dir = project({ 'report.md.hbs': '{{#if workshop.sumary}}y{{/if}}\n{{#each sesions}}{{title}}{{/each}}\n{{#each sessions}}{{join chairs "name"}}{{#each chairs}}{{nam}}{{/each}}{{/each}}\n' });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:1:7 error The template uses “sumary” .*\[template-unknown-name\]$/m);
    expect(result.stderr).toContain('Did you mean “summary”?');
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:2:9 error The template uses “sesions”/m);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:\d+ error The template uses “nam”/m);
    expect(result.stderr).toMatch(/^3 errors$/m);
  });

  it('templates cannot reach prototypes', async () => {
    // On a mapping the data model knows, the check stops them before rendering: no such field.
    const named = project({ 'report.md.hbs': '[{{lookup workshop "constructor"}}][{{lookup workshop "__proto__"}}]\n' });
    const checked = await runInProcess(['build', named]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/The template uses “constructor”/);
    // Elsewhere (a text's properties), Handlebars' prototype protections stay on: nothing inherited comes out.
    const dir = project({ 'report.md.hbs': '[{{lookup workshop.title "constructor"}}][{{lookup workshop.title "__proto__"}}]\n' });
    const result = await runInProcess(['build', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(read(path.join(dir, 'out/report.md'))).toBe('[][]\n');
  });

  it('plain text stays escaped for Markdown in an editor-made template', async () => {
    const dir = project({ 'report.md.hbs': '{{#each sessions}}- {{title}}\n{{/each}}' });
    const session = path.join(dir, 'sessions/a.yaml');
    writeFileSync(session, read(session).replace(/^title: .*$/m, 'title: "*Bold* <b>x</b> | [link](javascript:alert(1))"'));
    expect((await runInProcess(['build', dir])).code).toBe(0);
    expect(read(path.join(dir, 'out/report.md'))).toContain('- \\*Bold\\* \\<b\\>x\\</b\\> \\| \\[link\\](javascript:alert(1))');
  });
});

describe('context', () => {
  it('prints the data the templates receive', async () => {
    const result = await runInProcess(['context', path.join(ROOT, 'test/fixtures/minimal')]);
    expect(result.code).toBe(0);
    const context = JSON.parse(result.stdout) as { language: string; recommendations: Array<{ label: string; text: string }>; briefs: unknown[] };
    expect(context.language).toBe('en');
    expect(context.recommendations[0]!.label).toBe('R1');
    expect(typeof context.recommendations[0]!.text).toBe('string');
    expect(context.briefs).toHaveLength(2);
  });

  it('--lang prints one language\'s data: the translations in place, as that language\'s templates receive them', async () => {
    const fr = await runInProcess(['context', path.join(ROOT, 'examples/rabat-2022'), '--lang', 'fr', '--edition', 'public']);
    expect(fr.code, fr.stderr).toBe(0);
    const context = JSON.parse(fr.stdout) as { language: string; workshop: { title: string } };
    expect(context.language).toBe('fr');
    expect(context.workshop.title).toMatch(/^Atelier régional/);
    const none = await runInProcess(['context', path.join(ROOT, 'examples/rabat-2022'), '--lang', 'de']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('The report has no language “de”.');
    expect(none.stderr).not.toContain('Did you mean');
    // The code in capitals, and an edition mistyped: the one meant (there was no suggestion).
    const capitals = await runInProcess(['context', path.join(ROOT, 'examples/rabat-2022'), '--lang', 'FR']);
    expect(capitals.stderr).toContain('hint: Did you mean “fr”? Use one of its languages: en, fr');
    const edition = await runInProcess(['context', path.join(ROOT, 'examples/rabat-2022'), '--edition', 'publc']);
    expect(edition.code).toBe(2);
    expect(edition.stderr).toContain('hint: Did you mean “public”? Its editions (report.editions): restricted, public.');
    const exported = await runInProcess(['translations', 'export', '-p', path.join(ROOT, 'examples/rabat-2022'), '--lang', 'FR']);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('hint: Did you mean “fr”? Language codes are written in lower case.');
    const german = await runInProcess(['translations', 'export', '-p', path.join(ROOT, 'examples/rabat-2022'), '--lang', 'de']);
    expect(german.stderr).toContain('hint: workshop-report writes reports in en and fr');
  });

  it('templates eject refuses a template the project\'s kind of build never reads (a workshop\'s into a programme, a programme\'s in a language folder or into a workshop), writing nothing', async () => {
    const programme = path.join(work, 'eject-programme');
    copyTree(path.join(ROOT, 'examples/sahel-programme'), programme);
    remove(path.join(programme, 'out'));
    for (const [name, said] of [['report', 'report.md.hbs is a workshop\'s template: a programme\'s build does not read it.'], ['fr/programme/overview', 'templates/fr/programme/overview.md.hbs would never be read.']]) {
      const result = await runInProcess(['templates', 'eject', name!, '--project', programme]);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toContain(said);
    }
    expect(existsSync(path.join(programme, 'templates'))).toBe(false);
    const workshop = project({});
    const reverse = await runInProcess(['templates', 'eject', 'programme/overview', '--project', workshop]);
    expect(reverse.code).toBe(2);
    expect(reverse.stderr).toContain('programme/overview.md.hbs is a programme\'s template: a workshop\'s build does not read it.');
    expect((await runInProcess(['templates', 'eject', 'programme/overview', 'person', '--project', programme])).code).toBe(0);
  });

  it('a custom document\'s `template: templates/note.md.hbs` is told to leave out templates/ (it was only “does not exist”)', async () => {
    const dir = project({ 'note.md.hbs': '# Note\n' }, 'report:\n  documents: [report, { name: note, template: templates/note.md.hbs }]\n');
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hint: Write `template: note.md.hbs`: the name is taken inside the templates folder.');
  });

  it('templates eject suggests the name meant', async () => {
    const dir = project({});
    for (const [name, meant] of [['Report', 'report'], ['fr/reprt', 'fr/report'], ['persn', 'person']]) {
      const result = await runInProcess(['templates', 'eject', name!, '--project', dir]);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toContain(`There is no default template called “${name}”.\nhint: Did you mean “${meant}”?`);
    }
  });
});

describe('validate checks the templates as build does', () => {
  it('finds a misspelt field, a syntax error, a misnamed override and a custom document\'s missing template, without building', async () => {
    const dir = project({ 'report.md.hbs': '{{#each sessions}}\n  {{sesion.title}}\n{{/each}}\n', 'Report.md.hbs': '# MINE\n' }, 'report:\n  documents: [report, { name: notes, template: note.md.hbs }]\n');
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:2:5 error The template uses “sesion” .*\[template-unknown-name\]$/m);
    expect(result.stderr).toMatch(/^templates\/Report\.md\.hbs:1:1 warning .*\[unused-template\]$/m);
    // A document's template, not a partial (it was said as `template-missing-partial`): at its `template:` value.
    expect(result.stderr).toMatch(/^workshop\.yaml:27:48 error The template “note\.md\.hbs” for the document “notes” does not exist\. \[template-missing\]$/m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // Without a templates/ folder too, at the same line, for validate and build alike.
    const bare = project({}, 'report:\n  documents: [report, { name: notes, template: reprot.md.hbs }]\n');
    for (const command of ['validate', 'build']) {
      const missing = await runInProcess([command, bare], { cwd: bare });
      expect(missing.code, command).toBe(1);
      expect(missing.stderr, command).toMatch(/^workshop\.yaml:27:48 error The template “reprot\.md\.hbs” for the document “notes” does not exist\. \[template-missing\]$/m);
      expect(missing.stderr, command).toContain('hint: Did you mean “report.md.hbs”?');
    }
    expect(existsSync(path.join(bare, 'out'))).toBe(false);
    const syntax = project({ 'partials/person.md.hbs': '{{name}\n' });
    expect((await runInProcess(['validate', syntax], { cwd: syntax })).stderr).toMatch(/^templates\/partials\/person\.md\.hbs:1:\d+ error .*\[template-syntax\]$/m);
    // A project whose templates are right validates as before.
    const fine = project({ 'partials/person.md.hbs': '{{name}} [PERSON]' });
    expect((await runInProcess(['validate', fine], { cwd: fine })).code).toBe(0);
  });

  it('a template file as a save cut short or an old editor left it: empty (a blank document, exit 0), not UTF-8 (printed as U+FFFD), CRLF line ends (a \\r in the Markdown); an empty document list (every file of the last build removed)', async () => {
    const empty = project({ 'report.md.hbs': '' });
    for (const command of ['validate', 'build']) {
      const result = await runInProcess([command, empty], { cwd: empty });
      expect(result.code, command).toBe(1);
      expect(result.stderr, command).toMatch(/^templates\/report\.md\.hbs:1:1 error This template is empty: its document would be blank\. \[empty-file\]$/m);
    }
    expect(existsSync(path.join(empty, 'out'))).toBe(false);
    // An empty partial leaves out what it printed: no problem.
    const quiet = project({ 'partials/person.md.hbs': '' });
    expect((await runInProcess(['build', quiet], { cwd: quiet })).code).toBe(0);
    const latin1 = project();
    mkdirSync(path.join(latin1, 'templates'));
    writeFileSync(path.join(latin1, 'templates/report.md.hbs'), Buffer.from('# Caf\xe9 {{workshop.title}}\n', 'latin1'));
    const decoded = await runInProcess(['validate', latin1], { cwd: latin1 });
    expect(decoded.code).toBe(1);
    expect(decoded.stderr).toMatch(/^templates\/report\.md\.hbs:1:6 error The file is not valid UTF-8 \(byte 0xE9\)\. \[encoding\]$/m);
    const crlf = project({ 'report.md.hbs': '# {{workshop.title}}\r\n\r\nLine two.\r\n' });
    expect((await runInProcess(['build', crlf], { cwd: crlf })).code).toBe(0);
    const report = read(path.join(crlf, 'out/report.md'));
    expect(report).toContain('Line two.');
    expect(report).not.toContain('\r');
    const none = project({}, 'report:\n  documents: []\n');
    const nothing = await runInProcess(['build', none], { cwd: none });
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^workshop\.yaml:\d+:14 error “report\.documents” needs at least 1 item\. \[invalid-value\]$/m);
  });

  it('finds what stopped build after validate had passed: a missing partial called by a partial, a built-in block without its value, a field of a text', async () => {
    const dir = project({
      'partials/person.md.hbs': '{{name}}\n{{> ghost}}\n',
      'report.md.hbs': '{{#if}}x{{workshop.subtitle}}{{/if}}\n{{#each}}x{{/each}}\n{{#unless a b}}{{/unless}}\n{{workshop.title.length}}\n{{#each sessions}}{{#each speakers}}{{> person}}{{/each}}{{/each}}\n',
    });
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    // What an {{#if}} without its value was meant to test is unknown: the field inside is not also said to be unguarded.
    expect(result.stderr).not.toContain('template-optional-field');
    expect(result.stderr).toMatch(/^templates\/partials\/person\.md\.hbs:2:1 error The partial “ghost” does not exist\. \[template-missing-partial\]$/m);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:1:4 error \{\{#if\}\} takes one value, the value to test; this one has none\. \[template-syntax\]\n(.*\n){2}  hint: Give it one, e\.g\. \{\{#if workshop\.subtitle\}\}…\{\{\/if\}\}\.$/m);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:2:4 error \{\{#each\}\} takes one value, the list to repeat its block for; this one has none\./m);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:3:4 error \{\{#unless\}\} takes one value, the value to test; this one has 2\./m);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:4:3 error The template uses “length” of “title” \(in \{\{workshop\.title\.length\}\}\), which is a text or a number: it has no fields\. \[template-unknown-name\]$/m);
    // What Handlebars reads without a file: a partial the template defines, the block a layout partial is given; and
    // a field of a text where it is read, not looked up strictly (an {{#if}}, a helper's argument).
    const fine = project({
      'partials/layout.md.hbs': '{{> @partial-block}}\n',
      'report.md.hbs': '{{#*inline "row"}}- {{title}}{{/inline}}\n{{#each sessions}}{{> row}}\n{{/each}}\n{{#> layout}}x{{/layout}}\n{{#if workshop.title.length}}long{{/if}}\n',
    });
    const inline = await runInProcess(['validate', fine], { cwd: fine });
    expect(inline.code, inline.stderr).toBe(0);
    expect((await runInProcess(['build', fine], { cwd: fine })).code).toBe(0);
    // build stops at the same places, before rendering anything.
    const built = await runInProcess(['build', dir], { cwd: dir });
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^templates\/partials\/person\.md\.hbs:2:1 error The partial “ghost” does not exist\./m);
    expect(built.stderr).toMatch(/^templates\/report\.md\.hbs:1:4 error \{\{#if\}\} takes one value/m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
