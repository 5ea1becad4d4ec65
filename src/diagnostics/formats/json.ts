import type { Diagnostic } from '../diagnostic.js';
import { sortDiagnostics } from '../reporter.js';

/** One diagnostic in the JSON reporter's documented, stable shape (README, "Machine-readable output"). */
export interface JsonDiagnostic {
  ruleId: string;
  severity: 'error' | 'warning';
  /** Relative to the current folder, POSIX separators; null for project-wide problems. */
  file: string | null;
  /** The folder of the workshop or programme the problem belongs to, relative to the current folder ("." for it): a programme's project-wide problems differ only by it. */
  project: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  message: string;
  hint: string | null;
  related: Array<{ file: string; line: number; column: number; message: string }>;
}

function toJson(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string, project: string): JsonDiagnostic[] {
  return sortDiagnostics(diagnostics).map((d) => ({
    ruleId: d.code,
    severity: d.severity,
    file: d.location ? displayPath(d.location.file) : null,
    project,
    line: d.location?.start.line ?? null,
    column: d.location?.start.column ?? null,
    endLine: d.location?.end.line ?? null,
    endColumn: d.location?.end.column ?? null,
    message: d.message,
    hint: d.hint ?? null,
    related: (d.related ?? []).map((r) => ({ file: displayPath(r.file), line: r.start.line, column: r.start.column, message: r.message })),
  }));
}

export function formatJson(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string, project = '.'): string {
  return formatJsonParts([{ diagnostics, displayPath, project }]);
}

/**
 * Several projects' diagnostics (a programme's, then each workshop's, each with its own paths) as
 * one JSON array, each part sorted by place: one document a program can parse, not one per part.
 */
export function formatJsonParts(parts: ReadonlyArray<{ diagnostics: readonly Diagnostic[]; displayPath: (file: string) => string; project: string }>): string {
  return `${JSON.stringify(parts.flatMap((part) => toJson(part.diagnostics, part.displayPath, part.project)), null, 2)}\n`;
}
