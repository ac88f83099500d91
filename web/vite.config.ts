import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The web UI's build: web/ → dist/web, served by `jiedu serve` with a strict
 * Content-Security-Policy (script-src 'self'), so the output has no inline script and no
 * external URL; fonts and libraries are bundled.
 */

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * @fontsource's CSS names a WOFF2 file and a WOFF fallback for every subset; every browser
 * the UI supports reads WOFF2, so the fallbacks would only double the size of dist/web.
 */
function woff2Only(): Plugin {
  return {
    name: 'jiedu-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource') || !id.endsWith('.css')) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [woff2Only()],
  build: {
    outDir,
    emptyOutDir: true,
    // No data: URLs for fonts or images: every asset is a file the server sends with its
    // own type, and the CSP's font-src 'self' holds.
    assetsInlineLimit: 0,
    // The Traditional converter's dictionary and cytoscape are large by nature and load
    // only on the pages that need them.
    chunkSizeWarningLimit: 1200,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
