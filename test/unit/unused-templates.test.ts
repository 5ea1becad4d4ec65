import { describe, expect, it } from 'vitest';
import { partialCallsIn, unusedTemplates } from '../../src/render/unused-templates.js';
import { bundledTemplates } from './helpers.js';

const MIS_CLOSED = '{{#each workshop.partners}}\n- {{label}}{{#if role}} ({{role}}){{/each}}\n{{/each}}\n';

/** The shipped templates with the project's own files in their place. */
function project(own: Record<string, string>) {
  const templates = bundledTemplates();
  for (const [name, text] of Object.entries(own)) templates.set(name, { text, displayPath: `templates/${name}`, overridden: true });
  return templates;
}
const bundled = new Set(bundledTemplates().keys());
const unused = (own: Record<string, string>) => unusedTemplates(project(own), bundled, [], ['en']).map((d) => `${d.location?.file} ${d.message}`);

describe('a partial placed by a template that does not parse is not called unused (a cascade of its syntax error)', () => {
  it('the partial a broken report places is used; one nothing places is still unused', () => {
    const own = { 'report.md.hbs': `# Report\n\n${MIS_CLOSED}\n{{> acknowledgements}}\n`, 'partials/acknowledgements.md.hbs': '## Acknowledgements\n', 'partials/orphan.md.hbs': 'x\n' };
    expect(unused(own)).toEqual(['templates/partials/orphan.md.hbs “partials/orphan.md.hbs” replaces no default template, and no document or template uses it.']);
  });

  it('in a broken partial too, and by a name computed while rendering (then any partial may be placed)', () => {
    expect(unused({ 'partials/person.md.hbs': '{{name}}{{#if x}}{{/each}} {{~> acknowledgements}}', 'partials/acknowledgements.md.hbs': 'x\n' })).toEqual([]);
    expect(unused({ 'report.md.hbs': `${MIS_CLOSED}{{> (concat "ack" "nowledgements")}}\n`, 'partials/acknowledgements.md.hbs': 'x\n' })).toEqual([]);
  });

  it('reads every way a template writes a partial’s name, as Handlebars does', () => {
    expect(partialCallsIn('{{> a}} {{>b x=1}} {{~> c~}} {{#> d}}…{{/d}} {{~#> e}} {{> "f g"}} {{> \'h\'}} {{> [i j]}} {{> k/l}} {{> m}}')).toEqual(new Set(['a', 'b', 'c', 'd', 'e', 'f g', 'h', 'i j', 'k/l', 'm']));
    expect(partialCallsIn('{{#if a}}{{> (lookup . "name")}}')).toBe('any');
    expect(partialCallsIn('{{workshop.title}} > {{x}}')).toEqual(new Set());
  });
});
