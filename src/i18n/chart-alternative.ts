import type { Language } from '../notes/types.js';
import { catalogue, formatNumber, joinList, translate } from './index.js';

/**
 * The participation chart's text alternative, what a screen reader says of it, in the document's
 * language: `Stacked bar chart of Women and Men: Burkina Faso 2 and 4; Ghana 3 and 5.` The PDF's
 * figure, the HTML's SVG title and the DOCX chart's description say the same.
 */
export function chartAlternative(language: Language, series: readonly string[], bars: ReadonlyArray<{ label: string; values: readonly number[] }>): string {
  const and = ` ${catalogue(language).and} `;
  const text = bars.map((bar) => `${bar.label} ${bar.values.map((value) => formatNumber(value, language)).join(and)}`).join('; ');
  return translate(language, 'chart_alternative', { series: joinList(series, language), bars: text });
}
