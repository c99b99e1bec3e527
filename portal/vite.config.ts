import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The portal's build: a static app (HTML, one entry chunk, a chunk per page), served locally by
 * `npm start` (local/portal.ts) and in AWS from S3 behind CloudFront. No inline script or style is
 * emitted, so the Content-Security-Policy can forbid both.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The size budget is measured on these files (bin/bundle-size.ts): no inlined assets in JS.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: { port: 5173, strictPort: true },
});
