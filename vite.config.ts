import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { DB_NAME, DB_VERSION, EARLY_OPEN_KEY, EARLY_READ_KEY, JOURNAL_PREFIX, earlyOpen, type EarlyOpenOptions } from './src/storage/earlyOpen.ts';
import { CHANNEL_NAME } from './src/state/tabSync.ts';

/**
 * The Content Security Policy in index.html holds for the build. The dev server injects
 * CSS as <style> elements (hot reload), so only there style-src also allows inline styles.
 */
const devCsp: Plugin = {
  name: 'dev-csp-inline-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
};

/**
 * The build's first script (src/storage/earlyOpen.ts): opens the database and reads the list's
 * records (at the app's DB_VERSION) while the app's chunk is fetched and compiled. Inline in
 * index.html, after the policy, so it runs as the document is parsed, without a request of its
 * own (from the service worker or the network: 6–11 ms of the start-up, measured interleaved);
 * the policy allows this one script by its hash (`script-src 'self' 'sha256-…'`), so any other
 * inline script is still refused. Precached with index.html.
 */
const earlyOpenOptions: EarlyOpenOptions = { name: DB_NAME, version: DB_VERSION, openKey: EARLY_OPEN_KEY, readKey: EARLY_READ_KEY, journalPrefix: JOURNAL_PREFIX, channel: CHANNEL_NAME };
const earlyOpenScript = `(${earlyOpen.toString()})(${JSON.stringify(earlyOpenOptions)});`;
const earlyOpenHash = `'sha256-${createHash('sha256').update(earlyOpenScript).digest('base64')}'`;
const earlyDatabaseOpen: Plugin = {
  name: 'early-database-open',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const csp = "script-src 'self';";
      if (!html.includes(csp) || !html.includes('</title>')) throw new Error(`index.html: no "${csp}" in its policy or no </title> to put the early script after`);
      return html.replace(csp, `script-src 'self' ${earlyOpenHash};`).replace('</title>', `</title>\n    <script>${earlyOpenScript}</script>`);
    },
  },
};

// The service worker precaches the whole app so it works offline from the first visit.
export default defineConfig({
  plugins: [
    devCsp,
    earlyDatabaseOpen,
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'robots.txt'],
      manifest: {
        name: 'Energietoolbox Bedrijventerreinen',
        short_name: 'Energietoolbox',
        description: 'Welke energiemaatregelen zijn haalbaar op een bedrijventerrein, wat blokkeert ze en in welke volgorde.',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#12324f',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,txt}'],
        navigateFallback: 'index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  // No modulepreload links for a lazy chunk's imports: inserting them cost a 30 ms task of its own
  // each time a view was loaded; the browser finds the imports as it parses (from the service worker's cache).
  build: { target: 'es2022', modulePreload: false },
});
