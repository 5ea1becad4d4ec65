import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { diagnosticsPage, setupProblemPage } from '../../src/preview/diagnostics-page.js';

const at = (line: number, column: number, offset: number) => ({ line, column, offset });

describe('the page that replaces the report while the build has errors', () => {
  const source = 'title: Opening\ndate: 2022-13-45\n';
  const diagnostic: Diagnostic = {
    code: 'invalid-date', severity: 'error', stage: 'validate',
    message: '“2022-13-45” is not a valid date. <script>alert(1)</script>',
    hint: 'Write dates as YYYY-MM-DD <b>now</b>.',
    location: { file: 'sessions/01.yaml', start: at(2, 7, 21), end: at(2, 17, 31) },
  };
  const page = diagnosticsPage([diagnostic], new Map([['sessions/01.yaml', source]]), (file) => `rabat/${file}`);

  it('shows the place as the terminal does, the offending line with carets, and the hint', () => {
    expect(page).toContain('<title>The build stopped: 1 error</title>');
    expect(page).toContain('<code>rabat/sessions/01.yaml:2:7</code>');
    expect(page).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(page).toMatch(/> 2 \| date: 2022-13-45\n {4}\| {7}\^{10}/);
    expect(page).toContain('<strong>Hint: </strong>Write dates as YYYY-MM-DD &#x3C;b>now&#x3C;/b>.');
  });

  it('never lets a message or the notes add markup', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(setupProblemPage('No workshop.yaml in <img src=x onerror=alert(1)>', undefined)).not.toContain('<img');
  });
});
