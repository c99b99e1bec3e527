import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portalSecurityHeaders } from '../lib/config/portal-security.js';
import type { Platform } from '../lib/domain/platform.js';
import { listen } from './http-server.js';

const portalRoot = fileURLToPath(new URL('../portal/', import.meta.url));

/** What `/config.json` tells the portal (its shape is `PortalConfig` in portal/src/config.ts). */
export interface LocalPortalConfig {
  apiUrl: string;
  cognito: { endpoint: string; userPoolId: string };
  brands: Record<Platform, { clientId: string; hosts: string[] }>;
  defaultBrand: Platform;
}

/** Builds the portal with Vite into `outDir` (about 2 s): `npm start` serves what it built, as CloudFront serves the deployed build. */
export const buildPortal = async (outDir: string) => {
  const { build } = await import('vite');
  await build({ configFile: path.join(portalRoot, 'vite.config.ts'), root: portalRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
};

/**
 * The local brand hosts of a portal origin: `http://localhost:5173` serves Azami at
 * `azami.localhost:5173` and Digimadi at `digimadi.localhost:5173` (browsers resolve every
 * `*.localhost` to this machine); another host serves the default brand, and `?brand=` the other.
 */
export const localPortalUrls = (origin: string, platforms: readonly Platform[]): Record<Platform, string> => {
  const url = new URL(origin);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  return Object.fromEntries(platforms.map((platform) => [platform, local ? `${url.protocol}//${platform}.localhost${url.port ? `:${url.port}` : ''}` : url.origin])) as Record<Platform, string>;
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built portal like CloudFront does: its files, `/config.json`, the app's page for
 * every other path (deep links such as `/requests/2026-0042?link=…`), and the same security
 * headers (lib/config/portal-security.ts).
 */
export const startPortal = async (options: { host: string; port: number; dir: string; config: LocalPortalConfig; connectTo: readonly string[] }) => {
  // Where it connects: CSP sources are origins.
  const headers = portalSecurityHeaders(options.connectTo.map((url) => new URL(url).origin), false);
  const config = JSON.stringify(options.config);
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://portal').pathname);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    if (pathname === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers }).end(request.method === 'HEAD' ? undefined : config);
      return;
    }
    const file = path.join(options.dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    const inside = file.startsWith(options.dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    const served = inside ? file : path.join(options.dir, 'index.html');
    const hashed = inside && pathname.startsWith('/assets/');
    response.writeHead(200, {
      'content-type': contentTypes[path.extname(served)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headers,
    });
    if (request.method === 'HEAD') response.end();
    else fs.createReadStream(served).pipe(response);
  });
  return listen(server, options.host, options.port);
};
