/**
 * The structure the code keeps (issue 10): small files, an engine that stands alone, views
 * that reach stored data only through the state models, chart.js only where charts are
 * drawn, and each feature's helpers beside their view. Read from the source as text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(__dirname, '..', '..'));
const SRC = join(ROOT, 'src');
const MAX_LINES = 400;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const sourceFiles = walk(SRC).filter((f) => /\.(ts|tsx|js|css)$/.test(f));
const handWritten = sourceFiles.filter((f) => !/\.generated\./.test(f));
const rel = (f: string) => relative(ROOT, f).split('\\').join('/');

/** The files a module imports (relative imports resolved to repo paths; packages by name). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((s) => (s.startsWith('.') ? rel(join(dirname(file), s)) : s));
}
const under = (path: string, ...dirs: string[]) => dirs.some((d) => path === d || path.startsWith(`${d}/`));

describe('structure', () => {
  it(`no hand-written source file is over ${MAX_LINES} lines`, () => {
    const long = handWritten.map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length })).filter((x) => x.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('the engine imports nothing outside src/engine and toolbox-data', () => {
    const outside = sourceFiles
      .filter((f) => under(rel(f), 'src/engine'))
      .flatMap((f) => importsOf(f).filter((i) => !under(i, 'src/engine', 'toolbox-data')).map((i) => `${rel(f)} → ${i}`));
    expect(outside).toEqual([]);
  });

  it('no view imports storage; views reach stored data through the state models', () => {
    const views = sourceFiles.filter((f) => under(rel(f), 'src/features', 'src/ui'));
    expect(views.length).toBeGreaterThan(10);
    const bad = views.flatMap((f) => importsOf(f).filter((i) => under(i, 'src/storage') || i === 'idb').map((i) => `${rel(f)} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('chart.js is imported only by the compare feature', () => {
    const users = sourceFiles.filter((f) => importsOf(f).some((i) => i === 'chart.js' || i.startsWith('chart.js/'))).map(rel);
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !under(f, 'src/features/compare'))).toEqual([]);
  });

  it('state and storage never import views or the app shell', () => {
    const bad = sourceFiles
      .filter((f) => under(rel(f), 'src/state', 'src/storage', 'src/engine', 'src/i18n'))
      .flatMap((f) => importsOf(f).filter((i) => under(i, 'src/features', 'src/ui', 'src/app')).map((i) => `${rel(f)} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('a file is downloaded in one place only', () => {
    const users = handWritten.filter((f) => /\.download\s*=|\bdownload=/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(users).toEqual(['src/ui/saveFile.ts']);
  });

  it('object URLs are made only by the download and the photo thumbnails (which revoke them)', () => {
    const users = handWritten.filter((f) => /createObjectURL/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(users.sort()).toEqual(['src/ui/Photos.tsx', 'src/ui/saveFile.ts']);
    for (const f of users) expect(readFileSync(f, 'utf8')).toMatch(/revokeObjectURL/);
  });
});
