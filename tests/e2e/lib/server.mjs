// A tiny static server for the built app (dist/), for end-to-end tests.
//
//   const server = await startServer();          // free port on 127.0.0.1, serves dist/
//   server.url                                   // "http://127.0.0.1:43117/"
//   await server.stop();                         // drop every connection: the "network is gone"
//   await server.start();                        // back on the same port (same origin)
//   server.requests                              // [{ method, path, status }] seen so far
//
// .wasm is served as application/wasm (needed for WebAssembly.instantiateStreaming). A path with
// no file behind it and no extension (or asked for as HTML) gets index.html: the SPA fallback.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const DIST_DIR = resolve(process.env.E2E_DIST ?? join(REPO_ROOT, 'dist'));

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function fileAt(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/**
 * Starts a static server of `root` (default dist/) on 127.0.0.1.
 * @param {{ root?: string, port?: number, host?: string, spa?: boolean, headers?: Record<string,string> }} [options]
 *   port 0 (the default) picks a free port; after that, start() always reuses the same one.
 */
export async function startServer(options = {}) {
  const root = resolve(options.root ?? DIST_DIR);
  const host = options.host ?? '127.0.0.1';
  const spa = options.spa ?? true;
  const extraHeaders = options.headers ?? {};
  if (!(await fileAt(join(root, 'index.html')))) {
    throw new Error(
      `No ${join(root, 'index.html')}: build the app first (trunk build --release; ` +
        'bash scripts/test.sh does it).',
    );
  }

  const requests = [];
  let port = options.port ?? 0;
  let server = null;

  async function handle(req, res) {
    const url = new URL(req.url, `http://${host}`);
    let status = 200;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        status = 405;
        res.writeHead(status, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let rel;
      try {
        rel = decodeURIComponent(url.pathname);
      } catch {
        status = 400;
        res.writeHead(status).end();
        return;
      }
      let path = resolve(root, '.' + rel);
      if (path !== root && !path.startsWith(root + sep)) {
        status = 403;
        res.writeHead(status).end();
        return;
      }
      if (rel.endsWith('/')) path = join(path, 'index.html');
      let info = await fileAt(path);
      if (!info && spa) {
        const wantsHtml = (req.headers.accept ?? '').includes('text/html');
        if (extname(rel) === '' || wantsHtml) {
          path = join(root, 'index.html');
          info = await fileAt(path);
        }
      }
      if (!info) {
        status = 404;
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(status, {
        'Content-Type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-cache',
        ...extraHeaders,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(path).on('error', () => res.destroy()).pipe(res);
    } catch (err) {
      status = 500;
      if (!res.headersSent) res.writeHead(status);
      res.end(String(err));
    } finally {
      requests.push({ method: req.method, path: url.pathname, status });
    }
  }

  const api = {
    root,
    host,
    requests,
    get port() {
      return port;
    },
    /** Base URL with a trailing slash, e.g. http://127.0.0.1:43117/ */
    get url() {
      return `http://${host}:${port}/`;
    },
    get running() {
      return server !== null;
    },
    /** Starts listening (again), on the same port as before. */
    async start() {
      if (server) return api;
      const s = createServer((req, res) => void handle(req, res));
      s.keepAliveTimeout = 1000;
      await new Promise((ok, fail) => {
        s.once('error', fail);
        s.listen(port, host, () => {
          s.off('error', fail);
          ok();
        });
      });
      port = s.address().port;
      server = s;
      return api;
    },
    /** Stops listening and cuts every open connection (keep-alive included). */
    async stop() {
      if (!server) return;
      const s = server;
      server = null;
      await new Promise((ok) => {
        s.close(() => ok());
        s.closeAllConnections();
      });
    },
    async restart() {
      await api.stop();
      return api.start();
    },
  };
  return api.start();
}
