import type { Diagnostic } from './diagnostic.js';
import { codeFrame, sourceLines } from './code-frame.js';
import { visible } from '../characters.js';

/** Colours as functions; the shell builds them from a chalk instance with a decided level. */
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  path(text: string): string;
}

export const PLAIN: Style = { error: (t) => t, warning: (t) => t, dim: (t) => t, bold: (t) => t, path: (t) => t };

export interface ReportOptions {
  style: Style;
  /** Text of each file by the `file` the diagnostics name, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** How to show a diagnostic's file (e.g. prefixed with the project folder). */
  displayPath?: (file: string) => string;
}

/**
 * People's format: `path:line:col severity message [rule]`, the offending line with carets,
 * the hint, related places; then a count. Control characters, lone surrogates, noncharacters and
 * bidirectional controls in any of them are shown as their codes (`<U+001B>`). Pure: returns the text.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], options: ReportOptions): string {
  const { style, sources } = options;
  // What the notes hold is printed with its control characters shown (`<U+001B>`), never sent to the terminal as they are.
  const shownPath = options.displayPath ?? ((file: string) => file);
  const show = (file: string) => visible(shownPath(file));
  const split = new Map<string, string[]>();
  const linesOf = (file: string, text: string) => split.get(file) ?? split.set(file, sourceLines(text)).get(file)!;
  const blocks = sortDiagnostics(diagnostics).map((d) => {
    // A problem of the whole project is shown with its folder when the files are (a programme's workshops).
    const where = d.location ? `${show(d.location.file)}:${d.location.start.line}:${d.location.start.column}` : show('(project)');
    const severity = d.severity === 'error' ? style.error('error') : style.warning('warning');
    const lines = [`${style.path(where)} ${severity} ${style.bold(visible(d.message))} ${style.dim(`[${d.code}]`)}`];
    const text = d.location ? sources.get(d.location.file) : undefined;
    if (d.location && text !== undefined) lines.push(codeFrame(linesOf(d.location.file, text), d.location, style));
    if (d.hint) lines.push(`  ${style.dim('hint:')} ${visible(d.hint)}`);
    for (const related of d.related ?? []) {
      lines.push(`  ${style.dim('see:')} ${style.path(`${show(related.file)}:${related.start.line}:${related.start.column}`)} ${visible(related.message)}`);
    }
    return lines.join('\n');
  });
  const summary = summarize(diagnostics);
  return [...blocks, ...(summary ? [summary] : [])].join('\n\n') + (blocks.length || summary ? '\n' : '');
}

/** "2 errors, 1 warning"; empty when there is nothing. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/** By file (code points), then position; project-wide problems first. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.location?.start.line ?? 0) - (b.location?.start.line ?? 0) || (a.location?.start.column ?? 0) - (b.location?.start.column ?? 0);
  });
}
