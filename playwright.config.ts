import { defineConfig } from '@playwright/test';

/**
 * Browser tests (tests/e2e) in real Chromium against the production build: the service
 * worker only exists there. The system Chromium is used (CHROMIUM_PATH, default
 * /usr/bin/chromium); never `npx playwright install`.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173); // E2E_PORT: run beside another run of the suite
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1, // 2-core machine: one browser at a time
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  webServer: {
    // Build output is shown ([WebServer] lines), so a type error that stops the build is visible.
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
});
