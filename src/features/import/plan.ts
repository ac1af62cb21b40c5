/**
 * From a mapped sheet to what the import will do, before anything is stored: every cell
 * checked, every row matched to a building of the terrain by KvK number, else company name,
 * else building name (added when none matches), and the changes for the terrains model's one
 * write. An update takes only the mapped cells that are valid and given; a rejected cell, an
 * empty one or an unmapped column leaves the building's value as it is. The cross-field
 * warnings (src/engine/crossChecks.ts) of each row are those of the building as it would be.
 */
import { crossWarnings, type CrossWarning } from '../../engine/crossChecks';
import type { Building, FactValue, Survey, Text } from '../../engine/types';
import type { BuildingImport } from '../../state';
import { checkCell, type CellCheck } from './cells';
import { IGNORE, type TargetCode, type TargetOption } from './mapping';
import type { Sheet } from './sheet';

/** The most buildings a terrain may hold (as in the export file). */
export const MAX_BUILDINGS = 500;

export type RowAction =
  | { kind: 'add'; name: string }
  | { kind: 'update'; buildingId: string; name: string }
  | { kind: 'skip'; message: Text };

export interface PlannedRow {
  /** Line (CSV) or row (XLSX) number in the file. */
  line: number;
  /** One check per column (null: the column is not imported). */
  cells: (CellCheck | null)[];
  action: RowAction;
  /** Values that do not fit together in the building after this row (stored anyway, as in the form). */
  warnings: CrossWarning[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  changes: BuildingImport;
  rejectedCells: number;
  /** Why the import cannot be confirmed as mapped, else null. */
  blocked: Text | null;
}

const key = (text: string): string => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/** Finds a building by KvK number, company name or name; `claim` marks it taken by a row. */
function matcher(buildings: readonly Building[]) {
  const byKvk = new Map<string, Building>();
  const byCompany = new Map<string, Building>();
  const byName = new Map<string, Building>();
  for (const b of buildings) {
    if (b.survey?.kvkNumber && !byKvk.has(b.survey.kvkNumber)) byKvk.set(b.survey.kvkNumber, b);
    if (b.survey?.companyName && !byCompany.has(key(b.survey.companyName))) byCompany.set(key(b.survey.companyName), b);
    if (!byName.has(key(b.name))) byName.set(key(b.name), b);
  }
  return (kvk: string | undefined, company: string | undefined, name: string | undefined): Building | undefined =>
    (kvk && byKvk.get(kvk)) || (company && (byCompany.get(key(company)) ?? byName.get(key(company)))) || (name && byName.get(key(name))) || undefined;
}

export function planImport(sheet: Sheet, codes: readonly TargetCode[], options: readonly TargetOption[], buildings: readonly Building[]): ImportPlan {
  const byCode = new Map(options.map((o) => [o.code, o.target]));
  const targets = codes.map((c) => (c === IGNORE ? undefined : byCode.get(c)));
  const find = matcher(buildings);
  /** Which row took a building or a new company already (by its key). */
  const claimed = new Map<string, number>();
  const changes: BuildingImport = { add: [], update: [] };
  let rejectedCells = 0;

  const rows = sheet.rows.map((row, r): PlannedRow => {
    const line = sheet.lines[r];
    const cells = row.map((cell, c) => {
      const target = targets[c];
      return target ? checkCell(target, cell) : null;
    });
    let name: string | undefined;
    const facts: Record<string, FactValue> = {};
    const survey: Survey = {};
    cells.forEach((check, c) => {
      const target = targets[c];
      if (!check || !target) return;
      if (!check.ok) {
        rejectedCells++;
        return;
      }
      if (check.value === null) return;
      if (target.kind === 'name') name = String(check.value);
      else if (target.kind === 'survey') survey[target.key] = String(check.value);
      else facts[target.fact.id] = check.value as FactValue;
    });
    const { kvkNumber: kvk, companyName: company } = survey;
    const none: CrossWarning[] = [];
    if (!kvk && !company && !name) return { line, cells, warnings: none, action: { kind: 'skip', message: { nl: 'Geen geldige bedrijfsnaam, KvK-nummer of naam: deze rij wordt overgeslagen.', en: 'No valid company name, KvK number or name: this row is skipped.' } } };
    const match = find(kvk, company, name);
    const claims = match ? [`b:${match.id}`] : [kvk && `kvk:${kvk}`, (company ?? name) && `name:${key(company ?? name!)}`].filter((k): k is string => !!k);
    const earlier = claims.map((k) => claimed.get(k)).find((l) => l !== undefined);
    if (earlier !== undefined) return { line, cells, warnings: none, action: { kind: 'skip', message: { nl: `Dit bedrijf staat al in regel ${earlier}: deze rij wordt overgeslagen.`, en: `This company is already on line ${earlier}: this row is skipped.` } } };
    for (const k of claims) claimed.set(k, line);
    const surveyPart = Object.keys(survey).length > 0 ? { survey } : {};
    if (match) {
      changes.update.push({ id: match.id, ...(name !== undefined ? { name } : {}), facts, ...surveyPart });
      return { line, cells, warnings: crossWarnings({ ...match.facts, ...facts }), action: { kind: 'update', buildingId: match.id, name: name ?? match.name } };
    }
    const newName = name ?? company ?? `KvK ${kvk}`;
    changes.add.push({ name: newName, facts, ...surveyPart });
    return { line, cells, warnings: crossWarnings(facts), action: { kind: 'add', name: newName } };
  });

  const total = buildings.length + changes.add.length;
  const blocked: Text | null =
    total > MAX_BUILDINGS
      ? { nl: `Dan heeft het terrein ${total} gebouwen; er passen er hoogstens ${MAX_BUILDINGS} in één terrein.`, en: `The terrain would then have ${total} buildings; one terrain holds at most ${MAX_BUILDINGS}.` }
      : changes.add.length + changes.update.length === 0
        ? { nl: 'Er is niets te importeren: koppel een kolom aan Bedrijfsnaam, KvK-nummer of Naam gebouw.', en: 'There is nothing to import: map a column to Company name, KvK number or Building name.' }
        : null;
  return { rows, changes, rejectedCells, blocked };
}
