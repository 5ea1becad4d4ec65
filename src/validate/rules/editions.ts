import { LIMITS } from '../../limits.js';
import { relatedPlaces, type RuleContext } from '../context.js';
import { didYouMean } from '../suggest.js';

/**
 * Edition names are folder names, so unique: one error per repeated name, at its second use, naming
 * the first (and the later ones, at most LIMITS.relatedLocations places). A custom document may
 * only name editions that exist.
 */
export function checkEditions(ctx: RuleContext): void {
  const { workshop } = ctx.project;
  const report = workshop.data.report;
  const names = new Map<string, number[]>();
  report?.editions?.forEach((edition, index) => {
    const uses = names.get(edition.name);
    if (uses) uses.push(index);
    else names.set(edition.name, [index]);
  });
  const at = (index: number) => ({ file: workshop.file, path: ['report', 'editions', index, 'name'] });
  for (const [name, uses] of names) {
    if (uses.length < 2) continue;
    const [first, second, ...later] = uses as [number, number, ...number[]];
    ctx.report('duplicate-id', 'error', at(second), 'value',
      `The edition name “${name}” is already used earlier in this file${later.length ? `, and ${later.length} more ${later.length === 1 ? 'time' : 'times'} after this` : ''}.`,
      `Each edition is written to its own folder, named after it: rename ${later.length ? 'all but one' : 'one'} of them.`,
      [{ site: at(first), message: 'first use of this name' }, ...relatedPlaces(later.map(at), 'another use', LIMITS.relatedLocations - 1)]);
  }
  report?.documents?.forEach((entry, index) => {
    if (typeof entry === 'string') return;
    entry.editions?.forEach((name, j) => {
      if (names.has(name)) return;
      const known = [...names.keys()];
      ctx.report('unknown-edition', 'error', { file: workshop.file, path: ['report', 'documents', index, 'editions', j] }, 'value',
        `“${name}” is not an edition of this workshop.`,
        known.length ? `${didYouMean(name, known) ?? ''} Editions (report.editions): ${known.join(', ')}.`.trimStart() : 'Define the editions under report.editions first, or remove `editions:` from this document.');
    });
  });
}
