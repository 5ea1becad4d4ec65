import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, remove, runBin, tempDir } from '../helpers/run-cli.js';

// ajv-formats is CommonJS: its default export is the function.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const work = tempDir('wr-editor-');
afterAll(() => remove(work));
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const FILES = ['workshop.yaml', 'sessions/01-opening.yaml', 'sessions/02-recommendations.yaml'];

/** The schema file a notes file's modeline names, resolved from the file's folder. */
function schemaOf(project: string, file: string): string {
  const line = readFileSync(path.join(project, file), 'utf8').split('\n')[0]!;
  const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(line);
  expect(match, `${file}: ${line}`).not.toBeNull();
  const target = match![1]!;
  expect(path.isAbsolute(target), target).toBe(false);
  expect(target).not.toMatch(/^[a-z]+:/);
  return path.resolve(path.dirname(path.join(project, file)), target);
}

describe('editor support that survives a clone', () => {
  it('init outside any package writes the schemas into the project and points every file there', () => {
    const project = path.join(work, 'plain');
    expect(runBin(['init', project]).code).toBe(0);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date']);
    for (const file of FILES) {
      const schema = schemaOf(project, file);
      expect(schema.startsWith(`${project}${path.sep}.schemas${path.sep}`), schema).toBe(true);
      expect(existsSync(schema)).toBe(true);
    }
    // The copies are complete: with each one known by its own file URL, every $ref resolves beside it
    // (as an editor resolves them), and the scaffolded notes pass.
    for (const name of ['common', 'pdf-theme', 'workshop', 'session', 'country']) {
      const file = path.join(project, '.schemas', `${name}.schema.json`);
      const json = JSON.parse(readFileSync(file, 'utf8')) as { $comment: string; $id?: string };
      expect(json.$comment).toContain(`workshop-report ${VERSION}`);
      expect(json.$id).toBeUndefined();
      ajv.addSchema(json, pathToFileURL(file).href);
    }
    for (const file of FILES) {
      const validate = ajv.getSchema(pathToFileURL(schemaOf(project, file)).href)!;
      expect(validate(parse(readFileSync(path.join(project, file), 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("init in a project that depends on workshop-report points into its node_modules, and writes no copy", () => {
    const root = path.join(work, 'with-package');
    mkdirSync(path.join(root, 'node_modules/workshop-report/schemas'), { recursive: true });
    for (const name of ['workshop', 'session', 'country', 'common', 'pdf-theme']) writeFileSync(path.join(root, `node_modules/workshop-report/schemas/${name}.schema.json`), '{}');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ devDependencies: { 'workshop-report': '^0.1.0' } }));
    mkdirSync(path.join(root, '.git'));
    const project = path.join(root, 'workshops/rabat');
    const result = runBin(['init', project]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('node_modules');
    for (const file of FILES) expect(schemaOf(project, file).startsWith(path.join(root, 'node_modules/workshop-report/schemas'))).toBe(true);
    expect(readFileSync(path.join(project, 'sessions/01-opening.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/node_modules\/workshop-report\/schemas\/session\.schema\.json\n/);
    expect(existsSync(path.join(project, '.schemas'))).toBe(false);
  });

  it('does not look for a package.json above the repository the project is in', () => {
    const root = path.join(work, 'outer');
    mkdirSync(path.join(root, 'node_modules/workshop-report/schemas'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/workshop-report/schemas/workshop.schema.json'), '{}');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: { 'workshop-report': '*' } }));
    mkdirSync(path.join(root, 'repo/.git'), { recursive: true });
    const project = path.join(root, 'repo/notes');
    expect(runBin(['init', project]).code).toBe(0);
    expect(schemaOf(project, 'workshop.yaml')).toBe(path.join(project, '.schemas/workshop.schema.json'));
  });

  it('schema --write refreshes the copies', () => {
    const project = path.join(work, 'plain');
    rmSync(path.join(project, '.schemas'), { recursive: true });
    const result = runBin(['schema', '--write', '--project', project]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`(workshop-report ${VERSION})`);
    for (const file of FILES) expect(existsSync(schemaOf(project, file))).toBe(true);
    expect(runBin(['schema', 'session']).stdout).toContain('"$id"');
  });
});
