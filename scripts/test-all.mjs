// Runs every test suite (typecheck, unit tests, browser tests, budgets) and ends with one line
// "N passed, N failed" that CI reads. Exits non-zero when anything fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
mkdirSync('test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Types.
if (run('typecheck', 'npx', ['tsc', '--noEmit'])) results.passed++;
else results.failed++;

// 2. Unit, data, scenario and property tests (vitest, Node).
const vitestOut = 'test-results/vitest.json';
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestOut}`]);
const vitest = readJson(vitestOut);
if (vitest) {
  results.passed += vitest.numPassedTests ?? 0;
  results.failed += vitest.numFailedTests ?? 0;
}
if (!unitOk && (!vitest || (vitest.numFailedTests ?? 0) === 0)) results.failed++;

// 3. Browser tests (Playwright in Chromium), when there are any.
const e2eDir = 'tests/e2e';
const hasE2e = existsSync(e2eDir) && readdirSync(e2eDir).some((f) => f.endsWith('.spec.ts'));
if (hasE2e) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `\nNo Chromium at ${chromium}. The browser tests need one:\n` +
        '  Debian/Ubuntu: sudo apt-get install chromium   (then run npm test again)\n' +
        '  Elsewhere, where the network allows it: npx playwright install chromium, and set CHROMIUM_PATH to its binary.\n',
    );
    results.failed++;
  } else {
    const pwOut = 'test-results/playwright.json';
    const ok = run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwOut });
    const pw = readJson(pwOut);
    if (pw?.stats) {
      results.passed += pw.stats.expected ?? 0;
      results.failed += (pw.stats.unexpected ?? 0) + (pw.stats.flaky ?? 0);
    }
    if (!ok && (!pw?.stats || (pw.stats.unexpected ?? 0) === 0)) results.failed++;
  }
}

// 4. Budgets (scripts/budgets.ts): bundle sizes and Lighthouse scores of a production build,
// one test per budget. Sizes and scores only, no timings. Needs Chromium for Lighthouse.
const budgetOut = 'test-results/budgets.json';
rmSync(budgetOut, { force: true });
const budgetsOk = run('budgets', 'npx', ['tsx', 'scripts/check-budgets.ts', `--out=${budgetOut}`]);
const budgets = readJson(budgetOut);
if (budgets) {
  results.passed += budgets.passed ?? 0;
  results.failed += budgets.failed ?? 0;
}
if (!budgetsOk && (!budgets || (budgets.failed ?? 0) === 0)) results.failed++;

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
