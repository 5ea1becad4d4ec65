import type { RuleContext } from '../context.js';

/** Edition names are folder names, so unique; a custom document may only name editions that exist. */
export function checkEditions(ctx: RuleContext): void {
  const { workshop } = ctx.project;
  const report = workshop.data.report;
  const names = new Map<string, number>();
  report?.editions?.forEach((edition, index) => {
    const first = names.get(edition.name);
    if (first === undefined) names.set(edition.name, index);
    else {
      ctx.report('duplicate-id', 'error', { file: workshop.file, path: ['report', 'editions', index, 'name'] }, 'value',
        `The edition name “${edition.name}” is already used earlier in this file.`, 'Each edition is written to its own folder, named after it: rename one of them.',
        [{ site: { file: workshop.file, path: ['report', 'editions', first, 'name'] }, message: 'first use of this name' }]);
    }
  });
  report?.documents?.forEach((entry, index) => {
    if (typeof entry === 'string') return;
    entry.editions?.forEach((name, j) => {
      if (names.has(name)) return;
      const known = [...names.keys()];
      ctx.report('unknown-edition', 'error', { file: workshop.file, path: ['report', 'documents', index, 'editions', j] }, 'value',
        `“${name}” is not an edition of this workshop.`,
        known.length ? `Editions (report.editions): ${known.join(', ')}.` : 'Define the editions under report.editions first, or remove `editions:` from this document.');
    });
  });
}
