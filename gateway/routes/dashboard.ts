/**
 * The dashboard (DESIGN.md §10): static files only, served at `/` (index.html), `/dashboard/*` (this
 * gateway's gateway/dashboard directory) and `/vendor/lightweight-charts.js` (the chart library's standalone
 * build from node_modules; no bundler). Everything the page shows comes from the public REST and WS
 * API, so these are not API routes: they are not in the OpenAPI document, not rate limited and not
 * billed (like the document itself). The files are read once at mount: a request can only ever name one
 * of them, never a path on disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';
import type { GatewayDeps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { jsonAnswer, SECURITY_HEADERS } from '../http/server.ts';

/**
 * Scripts, styles and connections (REST and the WebSocket: CSP3 'self' covers ws: on the same host) from
 * this origin only; no inline script or style, no eval, no framing.
 */
export const DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

interface StaticFile { body: Buffer; contentType: string }

const HEADERS: [string, string][] = [
  ...SECURITY_HEADERS.filter(([name]) => name !== 'Content-Security-Policy'),
  ['Content-Security-Policy', DASHBOARD_CSP],
];

function load(path: string): StaticFile {
  return { body: readFileSync(path), contentType: TYPES[extname(path)] ?? 'application/octet-stream' };
}

/** The chart library's standalone build (it defines the global `LightweightCharts`). */
function chartLibrary(): string {
  const pkg = createRequire(import.meta.url).resolve('lightweight-charts/package.json');
  return join(dirname(pkg), 'dist', 'lightweight-charts.standalone.production.js');
}

export function mountDashboard(app: TemplatedApp, deps: GatewayDeps): void {
  const dir = fileURLToPath(new URL('../dashboard/', import.meta.url));
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(dir)) if (TYPES[extname(name)] !== undefined) files.set(`/dashboard/${name}`, load(join(dir, name)));
  files.set('/', files.get('/dashboard/index.html')!);
  files.set('/vendor/lightweight-charts.js', load(chartLibrary()));

  const serve = (route: string) => (res: HttpResponse, req: HttpRequest) => {
    const file = files.get(req.getUrl());
    let status = 200;
    res.cork(() => {
      if (file === undefined) {
        status = 404;
        const a = jsonAnswer(404, { error: notFound(`file ${req.getUrl()}`).toJSON() });
        res.writeStatus('404 Not Found').writeHeader('Content-Type', a.contentType);
        for (const [k, v] of HEADERS) res.writeHeader(k, v);
        res.end(a.body);
        return;
      }
      res.writeStatus('200 OK').writeHeader('Content-Type', file.contentType);
      for (const [k, v] of HEADERS) res.writeHeader(k, v);
      res.end(file.body);
    });
    deps.metrics.requests.inc({ method: 'get', route, status: String(status) });
  };
  app.get('/', serve('/'));
  app.get('/dashboard/*', serve('/dashboard/*'));
  app.get('/vendor/lightweight-charts.js', serve('/vendor/lightweight-charts.js'));
}
