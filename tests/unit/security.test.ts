/**
 * Static guards of the security rules (README "Data safety"): no HTML from strings
 * anywhere in the app source, no eval, and the Content Security Policy in index.html
 * with scripts only from the app's origin. The browser side (no violation during a
 * session, hostile names shown as text) is tests/e2e/security.spec.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Ways to turn a string into markup or code. */
const FORBIDDEN: [RegExp, string][] = [
  [/\binnerHTML\b/, 'innerHTML'],
  [/\bouterHTML\b/, 'outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/dangerouslySetInnerHTML/, 'dangerouslySetInnerHTML'],
  [/document\.write/, 'document.write'],
  [/\bcreateContextualFragment\b/, 'createContextualFragment'],
  [/\bDOMParser\b/, 'DOMParser'],
  [/(^|[^.\w])eval\s*\(/, 'eval('],
  [/new\s+Function\s*\(/, 'new Function('],
  [/set(Timeout|Interval)\(\s*['"`]/, 'setTimeout with a string'],
  [/['"`]javascript:/i, 'javascript: URL'],
];

describe('no HTML or code from strings in the app', () => {
  const files = sourceFiles(join(ROOT, 'src'));
  it('there are source files to check', () => expect(files.length).toBeGreaterThan(20));

  it.each(FORBIDDEN.map(([pattern, label]) => [label, pattern] as const))('nowhere in src/: %s', (_label, pattern) => {
    const hits = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length));
    expect(hits).toEqual([]);
  });

  it('the guard is not vacuous', () => {
    expect(FORBIDDEN.some(([p]) => p.test('el.innerHTML = name'))).toBe(true);
    expect(FORBIDDEN.some(([p]) => p.test('<div dangerouslySetInnerHTML={{ __html: x }} />'))).toBe(true);
    expect(FORBIDDEN.some(([p]) => p.test('const f = new Function("return 1")'))).toBe(true);
    expect(FORBIDDEN.some(([p]) => p.test('x = eval(code)'))).toBe(true);
    expect(FORBIDDEN.some(([p]) => p.test('retrieval(x)'))).toBe(false);
  });
});

describe('Content Security Policy (index.html)', () => {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  const policy = new Map(
    (meta?.[1] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

  it('is set as a meta element', () => expect(meta).not.toBeNull());

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    // blob: only for images: the thumbnails of stored photos are object URLs of their blobs.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', ["'self'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ])('%s is exactly %j', (directive, values) => {
    expect(policy.get(directive)).toEqual(values);
  });

  it('allows no inline script, no eval, no other origin', () => {
    const all = [...policy.values()].flat();
    for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", '*', 'http:', 'https:']) expect(all).not.toContain(unsafe);
    const beyondImages = [...policy].filter(([name]) => name !== 'img-src').flatMap(([, values]) => values);
    expect(beyondImages).not.toContain('blob:');
  });

  it('index.html itself has no inline script or style', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
