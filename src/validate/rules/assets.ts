import type { RuleContext } from '../context.js';

/** The logo must be a file inside the project: checked against the list the reader made. */
export function checkAssets(ctx: RuleContext): void {
  const { workshop, assets } = ctx.project;
  const logo = workshop.data.report?.logo;
  if (logo === undefined) return;
  const normalized = logo.replace(/^\.\//, '');
  if (!assets.includes(normalized)) {
    ctx.report('missing-asset', 'error', { file: workshop.file, path: ['report', 'logo'] }, 'value',
      `The logo “${logo}” is not a file in the project's assets/ folder.`,
      'Put the PNG or JPEG file in assets/ and write its path relative to the project folder, e.g. assets/logo.png.');
  }
}
