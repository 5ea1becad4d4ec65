import { LIMITS } from '../../limits.js';
import { relatedPlaces, type RuleContext } from '../context.js';
import { didYouMean } from '../suggest.js';
import { hasRestricted } from '../../editions/leaks.js';

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
  // An edition that looks public (named so, or naming people by organization or not at all) but is
  // not `public: true` prints every restricted item: out/public/ held Mali's restricted needs, exit 0.
  const marked = report?.editions?.some((edition) => edition.public !== true) === true && hasRestricted(ctx.project);
  report?.editions?.forEach((edition, index) => {
    if (!marked || edition.public === true) return;
    const named = /public|publique|p[uú]blic[ao]/i.test(edition.name);
    const anonymous = edition.attribution !== undefined && edition.attribution !== 'names';
    if (!named && !anonymous) return;
    ctx.report('edition-not-public', 'warning', { file: workshop.file, path: ['report', 'editions', index, named ? 'name' : 'attribution'] }, named ? 'value' : 'key',
      `The edition “${edition.name}” ${named ? 'is named as public' : `names speakers ${edition.attribution === 'none' ? 'not at all' : 'by organization'}`} but is not \`public: true\`: it prints every restricted item of the notes.`,
      `Add \`public: true\` to it (\`- { name: ${edition.name}, public: true${edition.attribution ? `, attribution: ${edition.attribution}` : ''} }\`) to leave the restricted items out; if it is meant for those who may read them, ${named ? 'give it another name' : 'leave this warning'}.`);
  });
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
