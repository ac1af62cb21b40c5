/**
 * Shared pieces for the compare, report and handbook specs: the toolbox data and the example
 * terrains read straight from toolbox-data (not copied into the tests), adding the examples
 * through the UI, and reading a PDF with poppler (pdfinfo, pdftotext -layout).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { fillParamsOn } from '../../src/engine/texts';
import type { Measure, NamedCondition, Parameter, Precedence, Step, Terrain, Toolbox } from '../../src/engine/types';

const DATA = (rel: string) => fileURLToPath(new URL(`../../toolbox-data/${rel}`, import.meta.url));
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(DATA(rel), 'utf8')) as T;

export const EXAMPLE_IDS = ['example-roomburg', 'example-grote-polder', 'example-t-heen'] as const;

/** An example terrain as the app stores it (without the file's "note"). */
export function readExample(id: (typeof EXAMPLE_IDS)[number]): Terrain {
  const { note: _note, ...terrain } = readJson<Terrain & { note?: string }>(`examples/${id.replace(/^example-/, '')}.json`);
  return terrain;
}

export const data = {
  meta: readJson<{ version: string; released: string; title: { nl: string } }>('toolbox.json'),
  measures: readJson<{ measures: Measure[] }>('measures.json').measures,
  steps: readJson<{ steps: Step[]; precedence: Precedence[] }>('steps.json').steps,
  precedence: readJson<{ steps: Step[]; precedence: Precedence[] }>('steps.json').precedence,
  parameters: readJson<{ parameters: Parameter[] }>('parameters.json').parameters,
  conditions: readJson<{ conditions: NamedCondition[] }>('conditions.json').conditions,
  sources: readJson<{ sources: Toolbox['sources'] }>('sources.json').sources,
  facts: readJson<{ facts: Toolbox['facts'] }>('facts.json').facts,
  eml: readJson<NonNullable<Toolbox['eml']>>('eml.json'),
};

/** Data with every named condition ({ ref }) replaced by its expression, to look into what rules compare. */
export function inline<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), function expand(_key, v: unknown): unknown {
    if (!v || typeof v !== 'object' || !('ref' in v)) return v;
    const named = data.conditions.find((n) => n.id === (v as { ref: string }).ref);
    return named ? inline(named.expr) : v;
  }) as T;
}

/** A Dutch data text as the app shows it: its {param:<id>} placeholders filled with the values on `date`, or without a date (the handbook) each value with its validity. */
export const dutchText = (text: { nl: string }, date?: string): string => fillParamsOn(text.nl, 'nl', new Map(data.parameters.map((p) => [p.id, p])), date);

export const stepLabel = (id: string): string => {
  const step = data.steps.find((s) => s.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step.label.nl;
};

/** "28 november 2026": the app's Dutch long date. */
export const dutchDate = (iso: string): string =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

/** "1.123,8": the app's Dutch number (at most one decimal). */
export const dutchNumber = (n: number): string => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(n);

/** Whitespace collapsed to single spaces (pdftotext wraps lines and pads columns). */
export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Adds the three fictional example terrains with the list's button and waits until they are listed. */
export async function addExamples(page: Page): Promise<void> {
  if (page.url() === 'about:blank' || new URL(page.url()).pathname !== '/') await page.goto('/');
  await page.getByRole('button', { name: 'Voorbeeldterreinen toevoegen', exact: true }).click();
  const list = page.getByRole('list', { name: 'Terreinen', exact: true });
  for (const id of EXAMPLE_IDS) await expect(list.getByRole('link', { name: readExample(id).name, exact: true })).toBeVisible();
}

/** Replaces window.print with a counter; returns a reader of how often it was called. */
export async function stubPrint(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    (window as unknown as { __printCalls: number }).__printCalls = 0;
    window.print = () => {
      (window as unknown as { __printCalls: number }).__printCalls++;
    };
  });
  return () => page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls);
}

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

export function pdfInfo(file: string): PdfInfo {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  const pages = /Pages:\s+(\d+)/.exec(out);
  if (!size || !pages) throw new Error(`pdfinfo gave no page size:\n${out}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/**
 * The text of each page (pages end with a form feed): by layout (pdftotext -layout), or with
 * `raw` in the order Chromium wrote it, i.e. the page's reading order also across text columns.
 */
export function pdfPages(file: string, { raw = false } = {}): string[] {
  const out = execFileSync('pdftotext', [raw ? '-raw' : '-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = out.split('\f');
  if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** A4 is 595.28 x 841.89 pt; Chromium writes 594.96 x 841.92. */
export function expectA4(info: PdfInfo): void {
  expect(Math.abs(info.width - 595)).toBeLessThan(1.5);
  expect(Math.abs(info.height - 842)).toBeLessThan(1.5);
}
