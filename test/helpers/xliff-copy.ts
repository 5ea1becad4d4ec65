import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { EXAMPLE, copyTree, runBin } from './run-cli.js';

let copies = 0;

/** A copy of the bilingual example in `work`, without its outputs, and its French exported to fr.xlf (the built bin). */
export function exportedCopy(work: string): { dir: string; xlf: string; xml: string } {
  const dir = path.join(work, `rabat-${++copies}`);
  copyTree(EXAMPLE, dir);
  rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  const xlf = path.join(dir, 'fr.xlf');
  const result = runBin(['translations', 'export', '--lang', 'fr', '-p', dir, '-o', xlf]);
  expect(result.code, result.stderr).toBe(0);
  return { dir, xlf, xml: readFileSync(xlf, 'utf8') };
}

/** `line:column` (1-based) of `offset` in `text`, as a diagnostic names a place. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** The id of workshop.yaml's unit for the text `key` (`objectives.0#59f4ac33`). */
export function unitId(xml: string, key: string): string {
  return new RegExp(`<trans-unit id="(${key.replaceAll('.', '\\.')}#[0-9a-f]{8})"`).exec(xml)![1]!;
}

/** `xml` with the target of unit `id` made `target`. */
export function retarget(xml: string, id: string, target: string): string {
  return xml.replace(new RegExp(`(<trans-unit id="${id}"><source>[^<]*</source><target[^>]*>)[^<]*`), `$1${target}`);
}
