/** A position in a source file: 1-based line and column, 0-based UTF-16 offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A span in one file. `file` is relative to the project folder, POSIX separators. */
export interface Location {
  file: string;
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

export type Stage = 'load' | 'validate' | 'consolidate' | 'render' | 'typeset' | 'publish';

/**
 * Stable rule ids. They are part of the public contract (README table, JSON reporter):
 * never rename one, add new ones instead.
 */
export type RuleId =
  // load
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'yaml-alias'
  | 'yaml-merge-key'
  | 'yaml-tag'
  | 'misplaced-block-indicator'
  | 'list-item-in-text'
  | 'empty-file'
  | 'not-a-mapping'
  | 'encoding'
  | 'xml-syntax'
  | 'file-too-large'
  | 'too-deep'
  | 'too-complex'
  | 'too-many-items'
  | 'comment-in-scalar'
  | 'control-character'
  | 'no-sessions'
  | 'link-outside-project'
  | 'broken-link'
  | 'link-to-folder'
  // render (a project's own templates)
  | 'broken-anchor'
  // validate (schema)
  | 'unknown-key'
  | 'colon-in-text'
  | 'unused-template'
  | 'not-a-file'
  | 'not-read'
  | 'required'
  | 'type'
  | 'enum'
  | 'format'
  | 'invalid-value'
  // validate (cross-file)
  | 'link-not-kept'
  | 'pasted-bullet'
  | 'cell-text'
  | 'folded-markdown'
  | 'md-marker'
  | 'character-reference'
  | 'invalid-date'
  | 'date-range'
  | 'session-outside-dates'
  | 'unknown-country'
  | 'not-beneficiary'
  | 'unknown-theme'
  | 'unknown-organization'
  | 'unknown-recommendation'
  | 'unknown-same-as'
  | 'duplicate-id'
  | 'repeated-session'
  | 'same-as-loop'
  // validate (programme)
  | 'unknown-programme-recommendation'
  | 'same-as-own-workshop'
  // validate (follow-up)
  | 'unknown-action'
  | 'follow-up-before-workshop'
  | 'follow-up-date-mismatch'
  | 'follow-up-date-far'
  | 'as-of-before-workshop'
  | 'as-of-without-follow-up'
  | 'conflicting-follow-up'
  | 'repeated-follow-up'
  | 'status-regression'
  | 'not-addressed'
  | 'action-without-id'
  // validate (translations)
  | 'conflicting-languages'
  | 'missing-translation'
  | 'stale-translation'
  | 'moved-translation'
  | 'orphan-translation'
  | 'translation-structure'
  | 'altered-unit-id'
  | 'unknown-target-state'
  | 'same-as-theme'
  | 'country-file-name'
  | 'women-exceed-total'
  | 'near-duplicate'
  | 'unmentioned-country'
  | 'action-due-early'
  | 'organization-typo'
  | 'missing-asset'
  | 'restricted-same-as'
  | 'restricted-scope'
  | 'restricted-link'
  | 'restricted-contradiction'
  | 'unknown-edition'
  | 'edition-not-public'
  | 'document-name-taken'
  // build
  | 'restricted-leak'
  | 'restricted-also-public'
  | 'output-not-up-to-date'
  // the command itself (the JSON and GitHub reporters only: a setup or internal error, exit 2 or 3)
  | 'setup-error'
  | 'internal-error'
  // render / typeset
  | 'template-syntax'
  | 'template-unknown-name'
  | 'template-optional-field'
  | 'template-compare-value'
  | 'template-missing-partial'
  | 'template-missing'
  | 'template-runtime'
  | 'invalid-front-matter'
  | 'chart-directive'
  | 'template-html'
  | 'template-unescaped'
  | 'missing-glyph'
  | 'right-to-left'
  | 'image';

export interface RelatedLocation extends Location {
  message: string;
}

/** One problem, from any stage. Messages are one sentence with no location inside. */
export interface Diagnostic {
  code: RuleId;
  severity: Severity;
  stage: Stage;
  message: string;
  /** Where the problem is; absent only for project-wide problems (e.g. no session files). */
  location?: Location;
  hint?: string;
  expected?: string;
  actual?: string;
  related?: RelatedLocation[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Adds `diagnostic` unless the list has the same problem already (rule, place and message): a
 * mistake in a partial that every document renders, in every edition and language, is one problem.
 */
export function pushOnce(diagnostics: Diagnostic[], diagnostic: Diagnostic): void {
  const at = (d: Diagnostic) => `${d.code}\u0000${d.location?.file ?? ''}\u0000${d.location?.start.line ?? 0}:${d.location?.start.column ?? 0}\u0000${d.message}`;
  const key = at(diagnostic);
  if (!diagnostics.some((d) => at(d) === key)) diagnostics.push(diagnostic);
}
