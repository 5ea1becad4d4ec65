import type { RecommendationView } from '../consolidate/index.js';
import type { Markdown } from '../consolidate/markdown.js';
import type { Language } from '../notes/types.js';
import { findSimilarTexts } from '../validate/near-duplicates.js';

/** Where a recommendation was raised: a workshop, as a reader names it (`Rabat 2022`), and the number its report gives it. */
export interface RaisedAt<W> {
  workshop: W;
  /** The workshop's city and year (`Niamey 2022`); its short title when it has no place; its folder name added when two workshops would share a name. */
  name: string;
  number: number;
  label: string;
  /** Its id in its workshop's notes, when it has one. */
  id?: string;
}

/** One recommendation raised at more than one workshop: the text it was first raised with, and everywhere it was raised (workshop order, then number). */
export interface RecurringRecommendation<W> {
  text: Markdown;
  raised: Array<RaisedAt<W>>;
}

/** A workshop as the search sees it, in programme (date) order. */
export interface RecurringInput<W> {
  id: string;
  ref: W;
  name: string;
  /** The model the programme shows: its language and recommendations. */
  model: { language: Language; recommendations: RecommendationView[] };
  /** Its recommendations in each language of its notes (the notes' own first): the same labels, translated texts. */
  languages: ReadonlyArray<{ language: Language; model: { recommendations: RecommendationView[] } }>;
}

/**
 * Recommendations raised again at another workshop of the programme: linked by `same_as:
 * WORKSHOP:ID` (either way), or near-duplicates by the metric and threshold `validate` uses within
 * a workshop. Two workshops are compared in the programme's language when both have it, else in
 * the first language of the earlier one that the later one has too (a translation, even partial:
 * untranslated texts stay in the notes' language), else as they are — so texts in two languages
 * without a shared one can only be linked by an explicit same_as. A link to a recommendation the
 * other workshop's shown edition leaves out (restricted) is not shown. Pure.
 */
export function recurringRecommendations<W>(inputs: ReadonlyArray<RecurringInput<W>>, language: Language): { recurring: Array<RecurringRecommendation<W>>; elsewhere: (workshop: number, label: string) => Array<RaisedAt<W>> } {
  const nodes = inputs.flatMap((input, w) => input.model.recommendations.map((rec) => ({ w, rec })));
  const start: number[] = [];
  inputs.reduce((sum, input, w) => ((start[w] = sum), sum + input.model.recommendations.length), 0);
  // A workshop's recommendations are R1…Rn in order, and the same numbers in each language (numbering ignores the text).
  const nodeOf = (w: number, rec: RecommendationView) => start[w]! + rec.number - 1;
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (a: number, b: number) => { parent[find(a)] = find(b); };

  // Explicit links: same_as: WORKSHOP:ID, to any id merged into the other's recommendation.
  const byId = new Map(inputs.map((input, w) => [input.id, w]));
  nodes.forEach(({ w, rec }, i) => {
    for (const ref of rec.same_as_elsewhere ?? []) {
      const target = byId.get(ref.workshop);
      if (target === undefined || target === w) continue;
      const other = inputs[target]!.model.recommendations.find((r) => r.ids.includes(ref.id));
      if (other) join(i, nodeOf(target, other));
    }
  });

  // Near-duplicates, each pair of workshops in its comparison language (undefined: as they are).
  const languagesOf = inputs.map((input) => input.languages.map((l) => l.language));
  const compareIn = (a: number, b: number): Language | undefined => {
    const [first, second] = a < b ? [a, b] : [b, a];
    const shared = languagesOf[first]!.filter((l) => languagesOf[second]!.includes(l));
    return shared.includes(language) ? language : shared[0];
  };
  const noneShared = inputs.some((_, a) => inputs.some((__, b) => a < b && compareIn(a, b) === undefined));
  const pools: Array<{ in: Language | undefined; members: Array<{ w: number; model: { recommendations: RecommendationView[] } }> }> = [
    ...[...new Set(languagesOf.flat())].map((l) => ({ in: l as Language | undefined, members: inputs.flatMap((input, w) => input.languages.filter((v) => v.language === l).map((v) => ({ w, model: v.model }))) })),
    ...(noneShared ? [{ in: undefined, members: inputs.map((input, w) => ({ w, model: input.model })) }] : []),
  ];
  for (const pool of pools) {
    const texts = pool.members.flatMap(({ w, model }) => model.recommendations.map((rec) => ({ w, node: nodeOf(w, rec), source: rec.text.source })));
    for (const pair of findSimilarTexts(texts.map((t) => t.source))) {
      const a = texts[pair.a]!;
      const b = texts[pair.b]!;
      if (a.w !== b.w && compareIn(a.w, b.w) === pool.in) join(a.node, b.node);
    }
  }

  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const group = groups.get(find(i));
    if (group) group.push(i);
    else groups.set(find(i), [i]);
  });
  const raisedAt = (i: number): RaisedAt<W> => ({ workshop: inputs[nodes[i]!.w]!.ref, name: inputs[nodes[i]!.w]!.name, number: nodes[i]!.rec.number, label: nodes[i]!.rec.label, ...(nodes[i]!.rec.id !== undefined ? { id: nodes[i]!.rec.id } : {}) });
  const recurring = [...groups.values()]
    .filter((members) => new Set(members.map((i) => nodes[i]!.w)).size > 1)
    .sort((a, b) => a[0]! - b[0]!)
    .map((members) => ({ text: nodes[members[0]!]!.rec.text, raised: members.map(raisedAt) }));
  return {
    recurring,
    elsewhere: (w, label) => {
      const rec = inputs[w]!.model.recommendations.find((r) => r.label === label);
      if (!rec) return [];
      return groups.get(find(nodeOf(w, rec)))!.filter((i) => nodes[i]!.w !== w).map(raisedAt);
    },
  };
}

/**
 * How the programme's documents name each workshop (`Rabat 2022`): its city and the year it began,
 * else its short title and year; the folder name is added to names two workshops would share.
 */
export function workshopNames(workshops: ReadonlyArray<{ id: string; city?: string; short_title: string; dates: { start: string } }>): string[] {
  const base = workshops.map((w) => `${w.city ?? w.short_title} ${w.dates.start.slice(0, 4)}`);
  return base.map((name, i) => (base.indexOf(name) !== base.lastIndexOf(name) ? `${name} (${workshops[i]!.id})` : name));
}
