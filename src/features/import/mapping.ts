/**
 * What each spreadsheet column goes into: the building's name, a survey field or a building
 * fact, or nothing. Columns are mapped by their header text — first what the user chose for
 * that text before (remembered), else a Dutch or English label, id or a few common words —
 * and each target is taken by one column at most.
 */
import type { Fact, Survey, Text } from '../../engine/types';
import { SURVEY_FIELDS } from '../../ui/survey';

/** A target as a code: '' (not imported), 'name', 'survey:<key>' or 'fact:<id>'. */
export type TargetCode = string;
export type Target = { kind: 'name' } | { kind: 'survey'; key: keyof Survey } | { kind: 'fact'; fact: Fact };

export const IGNORE: TargetCode = '';
const NAME_LABEL: Text = { nl: 'Naam gebouw', en: 'Building name' };

export interface TargetOption {
  code: TargetCode;
  label: Text;
  target: Target;
}

/** Lower case, no accents, letters and digits only. */
const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
const BRACKETS = /\([^)]*\)|\[[^\]]*\]/g;

/** A header as matched when nothing closer does: lower case, no accents, no bracketed part ("(m²)"), letters and digits only. */
export const normaliseHeader = (text: string): string => plain(text.replace(BRACKETS, ''));

/** The forms of a header to look up, closest first: whole, without its last bracketed part (a unit), without any. */
function headerForms(text: string): string[] {
  const lastBracket = /\s*(\([^)]*\)|\[[^\]]*\])\s*$/;
  return [plain(text), plain(text.replace(lastBracket, '')), normaliseHeader(text)];
}

/** Words people use for a column besides its label and id. */
const EXTRA_WORDS: Record<TargetCode, string[]> = {
  name: ['naam', 'gebouw', 'gebouwnaam', 'pand', 'name', 'building'],
  'survey:companyName': ['bedrijf', 'onderneming', 'company', 'naambedrijf', 'organisatie'],
  'survey:kvkNumber': ['kvk', 'kvknr', 'kvknummer', 'kamervankoophandel', 'coc'],
  'survey:address': ['adres', 'straat', 'straatenhuisnummer', 'bezoekadres'],
  'survey:contactEmail': ['email', 'emailadres', 'mail'],
  'survey:contactPhone': ['telefoon', 'telefoonnummer', 'tel', 'phone'],
};

/** Every target in the order of the editor: name, survey fields, then the building facts. */
export function targetOptions(facts: readonly Fact[]): TargetOption[] {
  return [
    { code: 'name', label: NAME_LABEL, target: { kind: 'name' } },
    ...SURVEY_FIELDS.map((f): TargetOption => ({ code: `survey:${f.key}`, label: f.label, target: { kind: 'survey', key: f.key } })),
    ...facts.filter((f) => f.scope === 'building').map((f): TargetOption => ({ code: `fact:${f.id}`, label: f.label, target: { kind: 'fact', fact: f } })),
  ];
}

/** The words (normalised) a header may be to mean each target. */
function wordIndex(options: readonly TargetOption[]): Map<string, TargetCode> {
  const index = new Map<string, TargetCode>();
  const add = (word: string, code: TargetCode): void => {
    for (const key of new Set([plain(word), normaliseHeader(word)])) if (key && !index.has(key)) index.set(key, code);
  };
  for (const o of options) {
    add(o.label.nl, o.code);
    add(o.label.en, o.code);
    add(o.code.slice(o.code.indexOf(':') + 1), o.code);
  }
  for (const [code, words] of Object.entries(EXTRA_WORDS)) for (const w of words) add(w, code);
  return index;
}

/** The memory's key of a header: its text, trimmed, in lower case. */
export const memoryKey = (header: string): string => header.trim().toLowerCase();

/** A code for each column: remembered first, else by words; a target already taken by an earlier column is left out. */
export function autoMap(headers: readonly string[], options: readonly TargetOption[], remembered: Readonly<Record<string, string>> = {}): TargetCode[] {
  const known = new Set(options.map((o) => o.code));
  const words = wordIndex(options);
  const taken = new Set<TargetCode>();
  return headers.map((header) => {
    const mine = Object.hasOwn(remembered, memoryKey(header)) ? remembered[memoryKey(header)] : undefined;
    const code = mine !== undefined && (mine === IGNORE || known.has(mine)) ? mine : (headerForms(header).map((f) => words.get(f)).find((c) => c !== undefined) ?? IGNORE);
    if (code === IGNORE || taken.has(code)) return IGNORE;
    taken.add(code);
    return code;
  });
}

/** The columns whose target an earlier column has already (a mapping the user made twice). */
export function doubleMapped(codes: readonly TargetCode[]): Set<number> {
  const seen = new Set<TargetCode>();
  const doubles = new Set<number>();
  codes.forEach((code, i) => {
    if (code === IGNORE) return;
    if (seen.has(code)) doubles.add(i);
    seen.add(code);
  });
  return doubles;
}
