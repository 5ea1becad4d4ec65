// Shared by the bench scripts: the Markdown files a build wrote.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every *.md below `dir`, relative, in name order. */
export function markdownFiles(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...markdownFiles(dir, r));
    else if (e.name.endsWith('.md')) out.push(r);
  }
  return out;
}
