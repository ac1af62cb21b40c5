/**
 * "Bedrijven importeren": a CSV or Excel file of companies into a terrain's buildings. The
 * file is read (sheet.ts), its columns mapped (mapping.ts: remembered per header through the
 * exchange model), every cell checked and every row matched (plan.ts); the preview shows what
 * happens and each rejected cell with its message. Only "Importeren bevestigen" writes, through
 * the terrains model's one action; anything before it changes nothing.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Text } from '../../engine/types';
import { formatNumber, t, tx } from '../../i18n';
import { exchange, hrefs, terrains, type StoredTerrain } from '../../state';
import { toolboxIndex } from '../../ui/common';
import { Link } from '../../ui/Link';
import { TerrainGate } from '../../ui/TerrainGate';
import { saveFile } from '../../ui/saveFile';
import type { CellCheck } from './cells';
import { autoMap, doubleMapped, IGNORE, memoryKey, targetOptions, type TargetCode } from './mapping';
import { planImport, type ImportPlan, type RowAction } from './plan';
import { readSpreadsheet, type Cell, type Sheet } from './sheet';
import { templateFile } from './template';

const facts = toolboxIndex.toolbox.facts;
const options = targetOptions(facts);

type Phase = { kind: 'idle' } | { kind: 'reading' } | { kind: 'refused'; message: Text } | { kind: 'done'; add: number; update: number } | { kind: 'gone' };

const shown = (cell: Cell): string =>
  cell === null ? '' : cell instanceof Date ? (Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10)) : typeof cell === 'number' ? formatNumber(cell, 6) : typeof cell === 'boolean' ? t(cell ? 'yes' : 'no') : cell;

function actionText(a: RowAction): string {
  if (a.kind === 'add') return t('importActionAdd', { name: a.name });
  if (a.kind === 'update') return t('importActionUpdate', { name: a.name });
  return t('importActionSkip', { message: tx(a.message) });
}

function Mapping({ sheet, codes, onChange }: { sheet: Sheet; codes: TargetCode[]; onChange(index: number, code: TargetCode): void }) {
  const doubles = doubleMapped(codes);
  return (
    <section class="card" aria-labelledby="import-mapping">
      <h2 id="import-mapping">{t('importMappingTitle')}</h2>
      <p class="help">{t('importMappingHelp')}</p>
      <div class="grid">
        {sheet.headers.map((header, i) => (
          <div key={i} class={`field${doubles.has(i) ? ' field-invalid' : ''}`}>
            <label for={`map-${i}`}>{t('importColumn', { header })}</label>
            <select id={`map-${i}`} value={codes[i]} aria-invalid={doubles.has(i) || undefined} aria-describedby={doubles.has(i) ? `map-${i}-error` : undefined} onChange={(e) => onChange(i, e.currentTarget.value)}>
              <option value={IGNORE}>{t('importIgnore')}</option>
              {options.map((o) => (
                <option key={o.code} value={o.code}>
                  {tx(o.label)}
                </option>
              ))}
            </select>
            {doubles.has(i) && (
              <p class="field-error" id={`map-${i}-error`}>
                {t('importDoubleMapped')}
              </p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function Preview({ sheet, plan, codes }: { sheet: Sheet; plan: ImportPlan; codes: TargetCode[] }) {
  const columns = codes.map((c, i) => (c === IGNORE ? -1 : i)).filter((i) => i >= 0);
  const count = (kind: RowAction['kind']) => plan.rows.filter((r) => r.action.kind === kind).length;
  const rejected = plan.rows.flatMap((row, r) =>
    row.cells.flatMap((check: CellCheck | null, c) => (check && !check.ok ? [{ key: `${r}:${c}`, line: row.line, header: sheet.headers[c], value: shown(sheet.rows[r][c]), message: check.message }] : [])),
  );
  const warned = plan.rows.flatMap((row) => row.warnings.map((w) => ({ key: `${row.line}:${w.checkId}`, line: row.line, message: w.message })));
  return (
    <section class="card" aria-labelledby="import-preview">
      <h2 id="import-preview">{t('importPreviewTitle')}</h2>
      <p>{t('importSummary', { rows: plan.rows.length, add: count('add'), update: count('update'), skip: count('skip') })}</p>
      {rejected.length > 0 ? (
        <>
          <h3 id="import-rejected">{t('importRejectedCount', { n: rejected.length })}</h3>
          <ul class="import-rejected" aria-labelledby="import-rejected">
            {rejected.map((x) => (
              <li key={x.key} class="error">
                {t('importRejectedCell', { line: String(x.line), header: x.header, value: x.value, message: tx(x.message) })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('importNoneRejected')}</p>
      )}
      {warned.length > 0 && (
        <>
          <h3 id="import-warnings">{t('importWarningCount', { n: warned.length })}</h3>
          <ul class="import-warnings" aria-labelledby="import-warnings">
            {warned.map((w) => (
              <li key={w.key} class="field-warning">
                {t('importWarningRow', { line: String(w.line), message: tx(w.message) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="import-table-caption">
        <table class="data-table import-table">
          <caption id="import-table-caption">{t('importPreviewTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('importLine')}</th>
              <th scope="col">{t('importAction')}</th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {sheet.headers[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row, r) => (
              <tr key={row.line} class={row.action.kind === 'skip' ? 'import-skip' : undefined}>
                <th scope="row">{row.line}</th>
                <td>{actionText(row.action)}</td>
                {columns.map((c) => {
                  const check = row.cells[c];
                  return check && !check.ok ? (
                    <td key={c} class="cell-rejected">
                      {shown(sheet.rows[r][c])} <span class="cell-message">{tx(check.message)}</span>
                    </td>
                  ) : (
                    <td key={c}>{shown(sheet.rows[r][c])}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The terrain is open (TerrainGate: loading and "not on this device" are its). */
export function ImportView({ id }: { id: string }) {
  return (
    <TerrainGate id={id} title={t('importTitle')}>
      {(terrain) => <ImportForm terrain={terrain} />}
    </TerrainGate>
  );
}

function ImportForm({ terrain }: { terrain: StoredTerrain }) {
  const id = terrain.id;
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [file, setFile] = useState<{ name: string; sheet: Sheet } | null>(null);
  const [codes, setCodes] = useState<TargetCode[]>([]);
  const memory = exchange.columnMemory.value;
  useEffect(() => {
    if (!memory) void exchange.loadColumnMemory();
  }, []);
  const buildings = terrain.buildings;
  const plan = useMemo(() => (file ? planImport(file.sheet, codes, options, buildings) : null), [file, codes, buildings]);

  const choose = async (chosen: File): Promise<void> => {
    setPhase({ kind: 'reading' });
    setFile(null);
    const result = await readSpreadsheet(chosen);
    if (!result.ok) return setPhase({ kind: 'refused', message: result.message });
    setCodes(autoMap(result.sheet.headers, options, exchange.columnMemory.value ?? {}));
    setFile({ name: chosen.name, sheet: result.sheet });
    setPhase({ kind: 'idle' });
  };
  const confirm = async (): Promise<void> => {
    if (!file || !plan) return;
    await exchange.rememberColumns(Object.fromEntries(file.sheet.headers.map((h, i) => [memoryKey(h), codes[i]])));
    const written = await terrains.importBuildings(id, plan.changes);
    setPhase(written ? { kind: 'done', add: plan.changes.add.length, update: plan.changes.update.length } : { kind: 'gone' });
    if (written) setFile(null);
  };
  const blocked = !plan || plan.blocked !== null || doubleMapped(codes).size > 0;

  return (
    <div class="import">
      <header class="page-head">
        <h1>
          {t('importTitle')}: {terrain.name}
        </h1>
        <nav class="actions" aria-label={t('importTitle')}>
          <Link class="button secondary" href={hrefs.editor(id)}>
            {phase.kind === 'done' ? t('importToTerrain') : t('importCancelLink')}
          </Link>
        </nav>
      </header>
      <p>{t('importIntro')}</p>
      <p class="actions">
        <button type="button" class="secondary" onClick={() => saveFile(templateFile(facts))}>
          {t('importTemplate')}
        </button>
      </p>
      <div class="field">
        <label for="import-sheet">{t('importChoose')}</label>
        <input
          id="import-sheet"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const input = e.currentTarget;
            const chosen = input.files?.[0];
            input.value = ''; // the same file may be chosen again
            if (chosen) void choose(chosen);
          }}
        />
      </div>
      <div aria-live="polite">
        {phase.kind === 'reading' && <p role="status">{t('importReading')}</p>}
        {phase.kind === 'done' && (
          <p role="status" class="notice">
            {t('importSheetDone', { add: phase.add, update: phase.update })}
          </p>
        )}
      </div>
      {phase.kind === 'refused' && (
        <p role="alert" class="notice notice-warning">
          {tx(phase.message)}
        </p>
      )}
      {phase.kind === 'gone' && (
        <p role="alert" class="notice notice-warning">
          {t('importGone')}
        </p>
      )}
      {file && plan && (
        <>
          <p>{t('importFileRead', { file: file.name, rows: file.sheet.rows.length, columns: file.sheet.headers.length })}</p>
          <Mapping sheet={file.sheet} codes={codes} onChange={(i, code) => setCodes((old) => old.map((c, j) => (j === i ? code : c)))} />
          <Preview sheet={file.sheet} plan={plan} codes={codes} />
          {plan.blocked && (
            <p role="alert" class="notice notice-warning">
              {tx(plan.blocked)}
            </p>
          )}
          <p class="actions">
            <button type="button" disabled={blocked} onClick={() => void confirm()}>
              {t('importConfirm')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}
