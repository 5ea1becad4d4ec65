import { baseName, type RuleContext } from '../context.js';

/**
 * countries/MLI.yaml must hold `country: MLI`: the file name is what people look for. When the
 * name the text asks for is another file's already (countries/NER.yaml copied from MLI.yaml, still
 * saying MLI), renaming would replace that file: the hint says to correct `country:` instead.
 */
export function checkCountryFiles(ctx: RuleContext): void {
  for (const country of ctx.project.countries) {
    const base = baseName(country.file.source.path);
    const said = country.data.country;
    if (said === undefined || base === said) continue;
    const taken = ctx.project.countries.find((other) => other !== country && baseName(other.file.source.path) === said);
    if (taken) {
      ctx.report('country-file-name', 'error', { file: country.file, path: ['country'] }, 'value',
        `This file is named ${base} but says it is about ${said}, which has its own file already (${taken.file.source.path}).`,
        `Correct \`country:\` to ${base} if this file is about ${base} (a copy of ${said}'s file, not yet edited); if it is about ${said}, move what it says into ${taken.file.source.path} and delete this file. Renaming it would replace ${taken.file.source.path}.`,
        [{ site: { file: taken.file, path: ['country'] }, message: `${said}'s file` }]);
      continue;
    }
    ctx.report('country-file-name', 'error', { file: country.file, path: ['country'] }, 'value',
      `This file is named ${base} but says it is about ${said}.`,
      `Rename the file to countries/${said}.yaml, or correct \`country:\`.`);
  }
}
