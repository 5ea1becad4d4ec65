/**
 * The YAML of a document's front matter, between its opening `---` line and the next `---` line
 * (with its last newline), when the document begins with one; and where that YAML starts. Pure.
 */
export function frontMatterText(markdown: string): { yaml: string; start: number } | undefined {
  if (!markdown.startsWith('---\n')) return undefined;
  const end = markdown.indexOf('\n---\n', 3);
  return end === -1 ? undefined : { yaml: markdown.slice(4, end + 1), start: 4 };
}
