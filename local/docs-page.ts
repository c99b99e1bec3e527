import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const assetsDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** A browsable reference of `/openapi.json`, served from the local swagger-ui-dist copy (no CDN). */
export const docsPage = (): string => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>orderdesk API</title>
  <link rel="icon" href="/docs/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', persistAuthorization: true });</script>
</body>
</html>`;

export const docsAsset = (name: string): { body: Buffer; contentType: string } | undefined => {
  const contentType = assets[name];
  return contentType ? { body: fs.readFileSync(path.join(assetsDir, name)), contentType } : undefined;
};
