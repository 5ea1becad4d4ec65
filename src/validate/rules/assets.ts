import type { RuleContext } from '../context.js';

/** The logo and the DOCX reference document must be files inside the project: checked against the list the reader made. */
export function checkAssets(ctx: RuleContext): void {
  const { workshop, assets } = ctx.project;
  const report = workshop.data.report;
  const files = [
    { key: 'logo', value: report?.logo, what: 'The logo', hint: 'Put the PNG or JPEG file in assets/ and write its path relative to the project folder, e.g. assets/logo.png.' },
    { key: 'docx_reference', value: report?.docx_reference, what: 'The DOCX reference document', hint: 'Put the Word document in assets/ and write its path relative to the project folder, e.g. assets/house-style.docx.' },
  ];
  for (const { key, value, what, hint } of files) {
    if (value === undefined) continue;
    const normalized = value.replace(/^\.\//, '');
    if (!assets.includes(normalized)) {
      ctx.report('missing-asset', 'error', { file: workshop.file, path: ['report', key] }, 'value', `${what} “${value}” is not a file in the project's assets/ folder.`, hint);
    }
  }
}
