/** Where open pages listen for rebuilds (Server-Sent Events). Not a path any document can have. */
export const EVENTS_PATH = '/__workshop-report/events';

/**
 * The preview's only script, added by the server to each HTML page it sends (never written to
 * disk). The page knows the build it shows; when the server announces another one it reloads,
 * keeping its scroll position. The announcement on connecting covers a build that finished
 * between the page's load and the connection.
 */
export function liveReloadScript(version: number): string {
  return `<script>(() => {
  const key = 'workshop-report:scroll:' + location.pathname;
  const y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); addEventListener('load', () => scrollTo(0, Number(y))); }
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('build', (event) => {
    if (Number(event.data) === ${version}) return;
    events.close();
    sessionStorage.setItem(key, String(scrollY));
    location.reload();
  });
})();</script>`;
}

/** The page with the script before `</body>` (or at the end). */
export function withLiveReload(html: string, version: number): string {
  const script = liveReloadScript(version);
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + script : html.slice(0, at) + script + html.slice(at);
}
