import { baseName, type RuleContext } from '../context.js';

/** countries/MLI.yaml must hold `country: MLI`: the file name is what people look for. */
export function checkCountryFiles(ctx: RuleContext): void {
  for (const country of ctx.project.countries) {
    const base = baseName(country.file.source.path);
    if (country.data.country !== undefined && base !== country.data.country) {
      ctx.report('country-file-name', 'error', { file: country.file, path: ['country'] }, 'value',
        `This file is named ${base} but says it is about ${country.data.country}.`,
        `Rename the file to countries/${country.data.country}.yaml, or correct \`country:\`.`);
    }
  }
}
