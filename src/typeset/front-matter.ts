import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse } from 'yaml';
import { parseGfm } from '../markdown/parse.js';
import { isPlainText } from '../markdown/plain.js';

/** The document's YAML front matter, as the report templates write it (pandoc-compatible keys). */
export interface FrontMatter {
  title: string;
  subtitle?: string;
  shortTitle?: string;
  document?: string;
  lang?: string;
  date?: string;
  place?: string;
  organizers: string[];
  partners: string[];
  logo?: string;
  /** The edition's marking (`RESTRICTED: …`): on the cover and in the header of every page. */
  classification?: string;
}

/**
 * Front-matter strings are Markdown (as pandoc reads them: the templates escape them), so what is
 * shown is their text: `Ministry of \\*Interior\\*` is “Ministry of *Interior*”.
 */
function str(v: unknown): string | undefined {
  if (typeof v === 'string') return (isPlainText(v) ? v : toString(parseGfm(v))).trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter((s): s is string => s !== undefined);
  const one = str(v);
  return one ? [one] : [];
}

/** Reads the front matter node of a parsed document; tolerant, since the templates already validated it. */
export function readFrontMatter(root: Root): FrontMatter {
  const node = root.children.find((c) => c.type === 'yaml');
  return frontMatterFromYaml(node && node.type === 'yaml' ? node.value : '');
}

/**
 * A document's front matter, its title never empty: a document that writes none (a custom
 * document's template without `{{> front-matter}}`) takes the words of its first heading, else its
 * file's name without `.md` (`press`). Its PDF cover, page headers and properties showed
 * “press.md”, its DOCX the same, and its HTML page an empty <title>. Pure.
 */
export function documentFrontMatter(root: Root, file: string): FrontMatter {
  const front = readFrontMatter(root);
  if (!front.title) {
    const heading = root.children.find((node) => node.type === 'heading');
    front.title = (heading ? toString(heading).trim() : '') || file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/, '');
  }
  return front;
}

/**
 * A front matter that is not valid YAML (an editor's `title: Press: release`, warned as
 * invalid-front-matter), read one `key: value` line at a time: what its other lines say is kept, the
 * edition's marking (`classification:`, which the build adds) above all, which went with the rest.
 */
function lineByLine(yaml: string): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const line of yaml.split('\n')) {
    if (!/^[a-z_]+:/.test(line)) continue;
    try {
      const v: unknown = parse(line);
      if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(raw, v);
    } catch {
      // That line is the one in error.
    }
  }
  return raw;
}

/** The front matter from its YAML text (between the `---` lines). */
export function frontMatterFromYaml(yaml: string): FrontMatter {
  let raw: Record<string, unknown> = {};
  try {
    const v: unknown = parse(yaml);
    if (v && typeof v === 'object' && !Array.isArray(v)) raw = v as Record<string, unknown>;
  } catch {
    raw = lineByLine(yaml);
  }
  const fm: FrontMatter = { title: str(raw['title']) ?? '', organizers: list(raw['organizers']), partners: list(raw['partners']) };
  const optional = { subtitle: 'subtitle', shortTitle: 'short_title', document: 'document', lang: 'lang', date: 'date', place: 'place', logo: 'logo', classification: 'classification' } as const;
  for (const [key, yamlKey] of Object.entries(optional) as [keyof typeof optional, string][]) {
    const v = str(raw[yamlKey]);
    if (v !== undefined) fm[key] = v;
  }
  return fm;
}
