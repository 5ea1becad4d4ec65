import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFrame, sourceLines } from '../diagnostics/code-frame.js';
import { PLAIN, sortDiagnostics, summarize } from '../diagnostics/reporter.js';
import { h, text } from '../html/page.js';
import { visible } from '../characters.js';

/**
 * What the preview shows instead of a stale report when the build has errors: every problem with
 * its place (`file:line:col`, as the terminal prints it), the offending lines and the hint. Built as
 * a tree (hast), so a message quoting the notes cannot inject markup; control characters shown as
 * their codes (`<U+001B>`), as the terminal shows them. Pure.
 */
export function diagnosticsPage(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, displayPath: (file: string) => string): string {
  const shown = sortDiagnostics(diagnostics);
  const items = shown.map((d) => {
    const where = d.location ? `${displayPath(d.location.file)}:${d.location.start.line}:${d.location.start.column}` : '(project)';
    const source = d.location ? sources.get(d.location.file) : undefined;
    return h('li', { class: d.severity }, [
      h('h2', {}, [h('code', {}, [text(visible(where))]), text(` ${d.severity}: ${visible(d.message)} `), h('span', { class: 'rule' }, [text(`[${d.code}]`)])]),
      ...(d.location && source !== undefined ? [h('pre', {}, [text(codeFrame(sourceLines(source), d.location, PLAIN))])] : []),
      ...(d.hint ? [h('p', {}, [h('strong', {}, [text('Hint: ')]), text(visible(d.hint))])] : []),
      ...(d.related ?? []).map((r) => h('p', {}, [text('See '), h('code', {}, [text(visible(`${displayPath(r.file)}:${r.start.line}:${r.start.column}`))]), text(` ${visible(r.message)}`)])),
    ]);
  });
  return problemsPage(`The build stopped: ${summarize(diagnostics)}`, items);
}

/** The same page for a problem of the set-up (a theme file gone, workshop.yaml deleted): its message and hint. */
export function setupProblemPage(message: string, hint: string | undefined): string {
  return problemsPage('The build stopped', [h('li', { class: 'error' }, [h('h2', {}, [text(message)]), ...(hint ? [h('p', {}, [h('strong', {}, [text('Hint: ')]), text(hint)])] : [])])]);
}

/** What the preview shows before the first build is done (it reloads by itself). */
export function buildingPage(): string {
  return problemsPage('Building the report…', [], 'The report shows here as soon as it is built.');
}

function problemsPage(title: string, items: Element[], lead = 'Fix what each problem below names (the notes, a template, a file of the set-up) and save: the report comes back by itself.'): string {
  const page = h('html', { lang: 'en' }, [
    h('head', {}, [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', {}, [text(title)]),
      h('style', {}, [text(STYLE)]),
    ]),
    h('body', {}, [
      h('main', {}, [
        h('h1', {}, [text(title)]),
        h('p', {}, [text(lead)]),
        ...(items.length ? [h('ol', { class: 'problems' }, items)] : []),
      ]),
    ]),
  ]);
  return `<!doctype html>\n${toHtml(page)}\n`;
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; color: #a40000; }
h2 { font-size: 1rem; font-weight: normal; }
ol.problems { padding-left: 1.5rem; }
li { margin-bottom: 1.5rem; }
li.error h2 code { color: #a40000; font-weight: bold; }
li.warning h2 code { color: #7a4d00; font-weight: bold; }
.rule { color: #555; }
pre { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; }
`;
