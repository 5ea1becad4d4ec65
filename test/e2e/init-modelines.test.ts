import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, remove, runBin, tempDir } from '../helpers/run-cli.js';

// Issue #22: the modeline `init` writes must work on every clone, not only where the tool ran.
// Everything here runs the built bin (`npm run build` first) in folders outside the tool's own tree.
const work = tempDir('wr-modelines-');
afterAll(() => remove(work));
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const YAML_FILES = ['workshop.yaml', 'sessions/01-opening.yaml', 'sessions/02-recommendations.yaml'];

function inside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Every `# yaml-language-server: $schema=` line of a YAML file, resolved from the file's folder. */
function modelineTargets(file: string): { written: string; resolved: string }[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('yaml-language-server'));
  expect(lines.length, file).toBeGreaterThan(0);
  return lines.map((line) => {
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(line);
    expect(match, `${file}: ${line}`).not.toBeNull();
    const written = match![1]!;
    return { written, resolved: path.resolve(path.dirname(file), written) };
  });
}

/** Every YAML file under a folder (skipping node_modules), relative to it. */
function yamlFiles(folder: string, under = ''): string[] {
  return readdirSync(path.join(folder, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(under, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : yamlFiles(folder, relative);
    return /\.ya?ml$/.test(entry.name) ? [relative] : [];
  });
}

/** Every `$ref` in a JSON value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : refs(child)));
}

/** Resolves a JSON pointer fragment (`/$defs/id`) in a document. */
function pointer(document: unknown, fragment: string): unknown {
  if (fragment === '' || fragment === '/') return document;
  return fragment.slice(1).split('/').map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

/**
 * Checks the schemas reachable from a file, as an editor loads them: by URL, with no `$id` to move the
 * base, so each `$ref` resolves against the file that holds it. Returns the files visited.
 */
function checkReferences(schemaFile: string, projectRoot: string, seen = new Set<string>()): Set<string> {
  if (seen.has(schemaFile)) return seen;
  seen.add(schemaFile);
  expect(inside(projectRoot, schemaFile), `${schemaFile} is outside ${projectRoot}`).toBe(true);
  expect(existsSync(schemaFile), schemaFile).toBe(true);
  const json = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  for (const ref of refs(json)) {
    expect(ref, `${schemaFile}: ${ref}`).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
    const [target = '', fragment = ''] = ref.split('#', 2);
    const file = target === '' ? schemaFile : path.resolve(path.dirname(schemaFile), target);
    if (target !== '') checkReferences(file, projectRoot, seen);
    const document = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(pointer(document, fragment), `${schemaFile}: ${ref} points at nothing`).toBeDefined();
  }
  return seen;
}

describe('init writes modelines that resolve inside the project, outside the tool\'s own tree', () => {
  it('with no package: copies the schemas into .schemas/ (version-stamped) and points every file there', () => {
    const project = path.join(work, 'plain', 'my-workshop');
    expect(inside(realpathSync(ROOT), realpathSync(tmpdir()))).toBe(false);
    const result = runBin(['init', project]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('.schemas/');
    expect(result.stderr).toContain('npm install --save-dev workshop-report');
    expect(result.stderr).toContain('workshop-report schema --write');

    const files = yamlFiles(project);
    expect(files.sort()).toEqual([...YAML_FILES].sort());
    const visited = new Set<string>();
    for (const file of files) {
      for (const { written, resolved } of modelineTargets(path.join(project, file))) {
        expect(path.isAbsolute(written), written).toBe(false);
        expect(written).not.toContain('\\');
        expect(written).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
        expect(inside(path.join(project, '.schemas'), resolved), `${file}: ${written}`).toBe(true);
        const json = JSON.parse(readFileSync(resolved, 'utf8')) as { $comment?: string; $id?: string };
        expect(json.$comment).toContain(`workshop-report ${VERSION}`);
        expect(json.$id).toBeUndefined();
        for (const schema of checkReferences(resolved, project)) visited.add(path.basename(schema));
      }
    }
    expect(readFileSync(path.join(project, 'workshop.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=.schemas/workshop.schema.json');
    expect(readFileSync(path.join(project, 'sessions/01-opening.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../.schemas/session.schema.json');
    // What the scaffold's schemas refer to came along (common; pdf-theme through report.pdf_theme).
    expect([...visited].sort()).toEqual(['common.schema.json', 'pdf-theme.schema.json', 'session.schema.json', 'workshop.schema.json']);
    for (const name of readdirSync(path.join(project, '.schemas'))) checkReferences(path.join(project, '.schemas', name), project);
  });

  it('in a project whose package.json depends on workshop-report: points into its node_modules and copies nothing', () => {
    const root = path.join(work, 'with-package');
    const installed = path.join(root, 'node_modules/workshop-report/schemas');
    mkdirSync(installed, { recursive: true });
    // A fake install: each schema is the real one (they refer to each other), as npm would lay it out.
    for (const name of readdirSync(path.join(ROOT, 'schemas'))) writeFileSync(path.join(installed, name), readFileSync(path.join(ROOT, 'schemas', name)));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'our-workshops', devDependencies: { 'workshop-report': `^${VERSION}` } }));
    const project = path.join(root, 'reports', '2025-rabat');
    const result = runBin(['init', project]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('node_modules/workshop-report/schemas/');
    expect(result.stderr).not.toContain('.schemas/');

    for (const file of yamlFiles(project)) {
      for (const { written, resolved } of modelineTargets(path.join(project, file))) {
        expect(path.isAbsolute(written), written).toBe(false);
        expect(inside(installed, resolved), `${file}: ${written}`).toBe(true);
        // Inside the package's folder: the repository every clone has, after `npm install`.
        checkReferences(resolved, root);
      }
    }
    expect(readFileSync(path.join(project, 'workshop.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/workshop-report/schemas/workshop.schema.json');
    expect(readFileSync(path.join(project, 'sessions/02-recommendations.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../node_modules/workshop-report/schemas/session.schema.json');
    expect(existsSync(path.join(project, '.schemas'))).toBe(false);
  });

  it('in a project that depends on workshop-report, workshop.yaml\'s comment points at the installed docs/FORMAT.md by a path that resolves', () => {
    const root = path.join(work, 'with-package-docs');
    installedBeside(root, 'devDependencies');
    mkdirSync(path.join(root, 'node_modules/workshop-report/docs'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/workshop-report/docs/FORMAT.md'), '# The workshop project format\n');
    const project = path.join(root, 'reports', '2025-rabat');
    expect(runBin(['init', project]).code).toBe(0);
    const line = readFileSync(path.join(project, 'workshop.yaml'), 'utf8').split('\n').find((text) => text.startsWith('# The full format: '));
    expect(line).toBe('# The full format: ../../node_modules/workshop-report/docs/FORMAT.md (docs/FORMAT.md of the workshop-report package), and the README\'s "The project format".');
    expect(existsSync(path.resolve(project, '../../node_modules/workshop-report/docs/FORMAT.md'))).toBe(true);
  });

  it('the project folder itself may hold the package.json', () => {
    const project = path.join(work, 'package-here');
    installedBeside(project, 'dependencies');
    expect(runBin(['init', project]).code).toBe(0);
    expect(readFileSync(path.join(project, 'workshop.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=node_modules/workshop-report/schemas/workshop.schema.json');
    expect(existsSync(path.join(project, '.schemas'))).toBe(false);
  });

  it('only the nearest package.json counts: one that does not depend on workshop-report means a copy', () => {
    const root = path.join(work, 'nested');
    installedBeside(root, 'devDependencies');
    mkdirSync(path.join(root, 'site'));
    writeFileSync(path.join(root, 'site/package.json'), JSON.stringify({ name: 'site', dependencies: {} }));
    const project = path.join(root, 'site/notes');
    const result = runBin(['init', project]);
    expect(result.code).toBe(0);
    for (const file of YAML_FILES) {
      for (const { resolved } of modelineTargets(path.join(project, file))) expect(inside(path.join(project, '.schemas'), resolved)).toBe(true);
    }
    expect(result.stderr).toContain('npm install --save-dev workshop-report');
  });

  it('a dependency that is not installed means a copy, and init says to run npm install', () => {
    const root = path.join(work, 'not-installed');
    mkdirSync(root);
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ devDependencies: { 'workshop-report': '*' } }));
    const project = path.join(root, 'notes');
    const result = runBin(['init', project]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('not installed');
    expect(result.stderr).toContain('npm install');
    expect(existsSync(path.join(project, '.schemas/workshop.schema.json'))).toBe(true);
    expect(readFileSync(path.join(project, 'workshop.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=.schemas/workshop.schema.json');
  });

  it('a folder path that is a file is a setup error (exit 2), not a crash', () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, '');
    const result = runBin(['init', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a folder');
    const below = runBin(['init', path.join(file, 'sub')]);
    expect(below.code).toBe(2);
    expect(below.stderr).not.toContain('internal error');
  });
});

describe('schema --write [DIR]', () => {
  it('refreshes the copies in the project named by its argument, stamped with this version', () => {
    const project = path.join(work, 'refresh');
    expect(runBin(['init', project]).code).toBe(0);
    const file = path.join(project, '.schemas/session.schema.json');
    writeFileSync(file, JSON.stringify({ $comment: 'workshop-report 0.0.1: refresh with `workshop-report schema --write` after upgrading.' }));
    const result = runBin(['schema', '--write', path.relative(ROOT, project)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('.schemas/session.schema.json');
    expect(result.stderr).toContain(`(workshop-report ${VERSION})`);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { $comment: string; properties?: object };
    expect(json.$comment).toContain(`workshop-report ${VERSION}`);
    expect(json.properties).toBeDefined();
    checkReferences(file, project);
  });

  it('defaults to the current folder, and still accepts --project', () => {
    const project = path.join(work, 'refresh');
    for (const args of [['schema', '--write'], ['schema', '--write', '--project', project]]) {
      const result = runBin(args, { cwd: project });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`(workshop-report ${VERSION})`);
    }
  });

  it('writes every copy or none: a folder where one goes is said before anything is written (it wrote the copies before it, then stopped)', () => {
    const project = path.join(work, 'refresh-blocked');
    expect(runBin(['init', project]).code).toBe(0);
    const first = path.join(project, '.schemas/workshop.schema.json');
    writeFileSync(first, 'old copy\n');
    const blocked = path.join(project, '.schemas/translation.schema.json');
    rmSync(blocked);
    mkdirSync(blocked);
    const result = runBin(['schema', '--write', project]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot write ${blocked}: a folder is in the way.`);
    expect(result.stderr).toContain('Nothing was written.');
    expect(readFileSync(first, 'utf8')).toBe('old copy\n');
  });

  it('refuses a folder that is not a project (exit 2) and creates nothing there', () => {
    const missing = path.join(work, 'typo');
    const result = runBin(['schema', '--write', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no workshop.yaml');
    expect(existsSync(missing)).toBe(false);
  });

  it('schema NAME still prints one schema on stdout, with its $id', () => {
    const result = runBin(['schema', 'session']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { $id: string }).$id).toMatch(/session\.schema\.json$/);
    expect(runBin(['schema', '--project', '.']).code).toBe(2);
  });
});

/** A package.json listing workshop-report (in `list`), with its schemas installed beside it. */
function installedBeside(dir: string, list: 'dependencies' | 'devDependencies'): void {
  mkdirSync(path.join(dir, 'node_modules/workshop-report/schemas'), { recursive: true });
  for (const name of ['workshop', 'session']) writeFileSync(path.join(dir, `node_modules/workshop-report/schemas/${name}.schema.json`), '{}');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ [list]: { 'workshop-report': '*' } }));
}
