import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../errors.js';
import { EVENTS_PATH, withLiveReload } from './live-reload.js';
import { addressOf, requestedFile } from './request-path.js';

/** What the server shows: the last good build's files, or the page that replaces them. */
export interface PreviewSite {
  /** Which build the pages show; each build, good or bad, has a new one. */
  version: number;
  /** The folder holding the last good build. */
  root?: string;
  /** The files of the last good build, by '/'-separated path: nothing else is ever served. */
  files: ReadonlySet<string>;
  /** When set (the build failed, or has not finished), every page is this page instead. */
  replacement?: string;
}

export interface PreviewServer {
  /** Listens on 127.0.0.1 only; port 0 takes a free one. Resolves with the address to open. */
  listen(port: number): Promise<string>;
  /** Tells every open page that a build finished (pages showing another build reload). */
  announce(): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

// The pages are the build's (no script of theirs); the one inline script is the server's live reload.
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'",
};

/**
 * The live preview's HTTP server. It answers only requests addressed to localhost or 127.0.0.1 (a
 * page elsewhere cannot reach it through DNS rebinding), only GET and HEAD, and only with files of
 * the last good build: no listing, and a path is looked up in the build's list, never resolved on
 * disk first, so `..`, encoded `%2e%2e%2f` and symbolic links lead nowhere.
 */
export function createPreviewServer(site: () => PreviewSite): PreviewServer {
  const listeners = new Set<ServerResponse>();
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'The preview could not read this file.');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!localHost(request.headers.host, port)) return send(response, 403, 'text/plain; charset=utf-8', 'The preview answers only to http://localhost and http://127.0.0.1.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD.');
    }
    const wanted = requestedFile(request.url ?? '/');
    if (wanted === undefined) return send(response, 400, 'text/plain; charset=utf-8', 'Bad address.');
    const current = site();
    if (wanted === EVENTS_PATH.slice(1)) return listen(request, response, current.version);
    const isPage = wanted === '' || wanted.endsWith('/') || wanted.endsWith('.html');
    if (current.replacement !== undefined && isPage) return send(response, 200, TYPES['.html']!, withLiveReload(current.replacement, current.version), request.method);
    const file = wanted === '' || wanted.endsWith('/') ? `${wanted}index.html` : wanted;
    if (!current.files.has(file) || current.root === undefined) {
      const moved = redirectFor(wanted, current.files);
      if (moved) {
        response.writeHead(302, { Location: addressOf(moved), ...SECURITY_HEADERS });
        response.end();
        return;
      }
      return send(response, 404, 'text/plain; charset=utf-8', 'Not in this build.');
    }
    const full = path.join(current.root, ...file.split('/'));
    // Listed files are the build's own; a link put in their place afterwards is still refused.
    const root = await realpath(current.root);
    if (!(await realpath(full)).startsWith(root + path.sep)) return send(response, 404, 'text/plain; charset=utf-8', 'Not in this build.');
    const bytes = await readFile(full);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = type === TYPES['.html'] ? withLiveReload(bytes.toString('utf8'), current.version) : bytes;
    send(response, 200, type, body, request.method);
  }

  function listen(request: IncomingMessage, response: ServerResponse, version: number): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', ...SECURITY_HEADERS });
    response.write(`event: build\ndata: ${version}\n\n`);
    listeners.add(response);
    request.on('close', () => listeners.delete(response));
  }

  return {
    listen(wanted) {
      return new Promise((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
          reject(error.code === 'EADDRINUSE' || error.code === 'EACCES'
            ? new SetupError(`Port ${wanted} is not free for the preview.`, 'Choose another with --port, or leave it out to take a free one.')
            : error);
        });
        server.listen(wanted, '127.0.0.1', () => {
          const address = server.address();
          port = typeof address === 'object' && address ? address.port : wanted;
          resolve(`http://127.0.0.1:${port}/`);
        });
      });
    },
    announce() {
      const { version } = site();
      for (const response of listeners) response.write(`event: build\ndata: ${version}\n\n`);
    },
    close() {
      for (const response of listeners) response.end();
      listeners.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** `localhost` or `127.0.0.1`, with our port or none. */
export function localHost(host: string | undefined, port: number): boolean {
  const match = /^(localhost|127\.0\.0\.1)(?::(\d+))?$/i.exec(host ?? '');
  return match !== null && (match[2] === undefined || Number(match[2]) === port);
}

/** A folder of the build (`public`) goes to its page (`public/`); the root, when the build has no index.html there (an HTML build always has one), to the first site in it. */
function redirectFor(wanted: string, files: ReadonlySet<string>): string | undefined {
  if (wanted !== '' && !wanted.endsWith('/') && files.has(`${wanted}/index.html`)) return `${wanted}/`;
  if (wanted === '') {
    // The first site of the build: `public/`, or `en/restricted/` with languages and editions.
    const depth = (file: string) => file.split('/').length;
    const first = [...files].filter((file) => file.endsWith('/index.html')).sort((a, b) => depth(a) - depth(b))[0];
    return first?.slice(0, -'index.html'.length);
  }
  return undefined;
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, method = 'GET'): void {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...SECURITY_HEADERS });
  response.end(method === 'HEAD' ? undefined : body);
}
