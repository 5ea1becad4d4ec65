import type { Diagnostic } from '../diagnostic.js';
import { sortDiagnostics } from '../reporter.js';
import { visible } from '../../characters.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), so problems show on the
 * pull request's lines. Escaping follows the workflow-command format.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string, project = '.'): string {
  return sortDiagnostics(diagnostics).map((d) => {
    const properties: string[] = [];
    if (d.location) {
      const { start, end } = d.location;
      properties.push(`file=${escapeProperty(displayPath(d.location.file))}`, `line=${start.line}`, `col=${start.column}`, `endLine=${end.line}`, `endColumn=${end.column}`);
    }
    properties.push(`title=${escapeProperty(`workshop-report ${d.code}`)}`);
    // A project-wide problem has no file: in a programme, the workshop it belongs to is named.
    const text = `${!d.location && project !== '.' ? `${project}/: ` : ''}${d.hint ? `${d.message}\n${d.hint}` : d.message}`;
    // Shown as codes (`<U+001B>`): the log would obey an escape sequence, the annotation hide a control character.
    return `::${d.severity} ${properties.join(',')}::${escapeData(visible(text))}\n`;
  }).join('');
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
