/**
 * Templates are written for readability; collapse the blank lines their control blocks leave and
 * the spaces they leave at line ends. Most documents are tidy already but for blank lines at
 * the end (the bundled templates use `~`): a few searches tell, where the line-by-line pass costs
 * four times as much (P's 81 MB of Markdown: 0.38 s, see docs/performance.md).
 */
export function tidy(markdown: string): string {
  if (isTidy(markdown)) return markdown;
  // The blank lines a template leaves after its last line are cut without a copy.
  let end = markdown.length;
  while (end > 0 && markdown.charCodeAt(end - 1) === 10) end--;
  const cut = markdown.slice(0, end + 1);
  return end < markdown.length && isTidy(cut) ? cut : tidyLines(markdown);
}

/**
 * What `tidyLines` would give back unchanged: text from the first character (no blank line or
 * white space before it), one newline at the end, no space or tab before a newline, and never two
 * blank lines in a row.
 */
export function isTidy(markdown: string): boolean {
  return (
    markdown.length > 1 &&
    !/\s/.test(markdown[0]!) &&
    markdown.endsWith('\n') &&
    !markdown.endsWith('\n\n') &&
    !markdown.includes(' \n') &&
    !markdown.includes('\t\n') &&
    !markdown.includes('\n\n\n')
  );
}

/** The line-by-line pass: one pass and one copy, since a large workshop's report is megabytes. */
export function tidyLines(markdown: string): string {
  const lines: string[] = [];
  let blank = 0;
  for (let start = 0; start <= markdown.length; ) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    let last = end;
    while (last > start && (markdown.charCodeAt(last - 1) === 32 || markdown.charCodeAt(last - 1) === 9)) last--;
    // The first line loses all its leading white space (a line of only such is blank).
    const text = lines.length === 0 ? markdown.slice(start, last).trimStart() : markdown.slice(start, last);
    if (text === '') blank++;
    else {
      if (lines.length > 0) lines.push(blank > 0 ? '\n\n' : '\n');
      blank = 0;
      lines.push(text);
    }
    start = end + 1;
  }
  lines.push('\n');
  return lines.join('');
}
