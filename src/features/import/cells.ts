/**
 * Checks one spreadsheet cell for its target with the form's own checks: a fact through the
 * engine's parseNumberInput (Dutch decimal comma) and checkFactValue, a survey field by the
 * schema's pattern and length (src/ui/survey.ts). Yes/no and options are also accepted as
 * their Dutch or English words. An empty cell is "not given": it changes nothing.
 */
import { checkFactValue, parseNumberInput } from '../../engine';
import type { Fact, FactValue, Text } from '../../engine/types';
import { checkSurveyValue, SURVEY_FIELDS } from '../../ui/survey';
import { normaliseHeader, type Target } from './mapping';
import type { Cell } from './sheet';

export type CellCheck = { ok: true; value: FactValue | string } | { ok: true; value: null } | { ok: false; message: Text };

const EMPTY: CellCheck = { ok: true, value: null };
const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', 'x', '1']);
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);
const UNKNOWN = new Set(['onbekend', 'unknown', 'weetniet', '']);
const surveyByKey = new Map(SURVEY_FIELDS.map((f) => [f.key, f]));
const NAME_MAX = 10_000;

const pad = (n: number): string => String(n).padStart(2, '0');
/** A date cell (read as midnight UTC) as YYYY-MM-DD. */
const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Text of a cell as a person would read it; Dutch dates (31-12-2026) become YYYY-MM-DD for a date field. */
function cellText(cell: Exclude<Cell, null>, asDate: boolean): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDate(cell);
  const text = String(cell).trim();
  const dutch = asDate ? /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text) : null;
  return dutch ? `${dutch[3]}-${pad(Number(dutch[2]))}-${pad(Number(dutch[1]))}` : text;
}

function factValue(fact: Fact, cell: Exclude<Cell, null>): unknown {
  if (cell instanceof Date) return cell;
  switch (fact.type) {
    case 'number':
    case 'integer':
      return typeof cell === 'string' ? parseNumberInput(cell, 'nl', fact) : cell;
    case 'boolean': {
      if (typeof cell === 'boolean') return cell;
      const word = normaliseHeader(String(cell));
      return YES.has(word) ? true : NO.has(word) ? false : UNKNOWN.has(word) ? null : cell;
    }
    case 'enum': {
      const word = normaliseHeader(String(cell));
      if (UNKNOWN.has(word)) return null;
      const option = fact.options?.find((o) => o.value === cell || [o.value, o.label.nl, o.label.en].some((w) => normaliseHeader(w) === word));
      return option ? option.value : cell;
    }
  }
}

export function checkCell(target: Target, cell: Cell): CellCheck {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return EMPTY;
  switch (target.kind) {
    case 'name': {
      const text = cellText(cell, false);
      return text.length > NAME_MAX ? { ok: false, message: { nl: `Te lang: hoogstens ${NAME_MAX} tekens.`, en: `Too long: at most ${NAME_MAX} characters.` } } : { ok: true, value: text };
    }
    case 'survey': {
      const field = surveyByKey.get(target.key)!;
      const text = cellText(cell, field.input === 'date');
      const message = checkSurveyValue(field, text);
      return message ? { ok: false, message } : { ok: true, value: text };
    }
    case 'fact': {
      const check = checkFactValue(target.fact, factValue(target.fact, cell));
      return check.ok ? (check.value === null ? EMPTY : { ok: true, value: check.value }) : check;
    }
  }
}
