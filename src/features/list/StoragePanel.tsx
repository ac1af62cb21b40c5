/**
 * "Opslag": whether the browser keeps the data, how full its storage is (and how much of it
 * photos take, also in the near-quota warning), how many
 * changes are not in an export file yet, and the export/import buttons with the
 * import's outcome (or its "replace or keep both" question).
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatBytes, formatDate, lang, t } from '../../i18n';
import { exchange, photos, save, terrains, type ImportProgress } from '../../state';
import { storageFailureText } from '../../ui/stateText';
import { saveFile } from '../../ui/saveFile';

/** Reading/checking or writing an import: a progress bar with its figures in words (updated a few times a second by the model). */
function ImportProgressView({ progress }: { progress: ImportProgress | null }) {
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const text = !progress
    ? t('importBusy')
    : progress.phase === 'reading'
      ? t('exchangeReading', { done: formatBytes(progress.done), total: formatBytes(progress.total), pct, n: progress.terrains })
      : t('exchangeWriting', { done: progress.done, total: progress.total, pct });
  return (
    <div class="import-progress" role="status" aria-live="polite" data-import="busy" data-phase={progress?.phase ?? 'starting'}>
      <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={t('exchangeProgressLabel')} />
      <p>{text}</p>
    </div>
  );
}

function ImportOutcome() {
  const status = exchange.importStatus.value;
  if (!status) return null;
  switch (status.kind) {
    case 'busy':
      return <ImportProgressView progress={status.progress} />;
    case 'rejected':
      return (
        <p class="notice notice-warning import-result" role="alert" data-import="rejected">
          {status.message[lang.value]}
        </p>
      );
    case 'failed':
      return (
        <p class="notice notice-warning import-result" role="alert" data-import="failed">
          {t('importWriteFailed', { error: storageFailureText(status.error, 'import') })}
        </p>
      );
    case 'cancelled':
      return (
        <p class="notice import-result" role="status" data-import="cancelled">
          {t('importCancelled')}
        </p>
      );
    case 'done':
      return (
        <p class="notice import-result" role="status" data-import="done">
          {status.count === 1 ? t('importDoneOne') : t('importDone', { n: status.count })}
          {status.keptOldOwnValues !== undefined && <> {status.keptOldOwnValues === 1 ? t('importKeptOldOwnValueOne') : t('importKeptOldOwnValue', { n: status.keptOldOwnValues })}</>}
        </p>
      );
    case 'choose':
      return (
        <div class="notice notice-warning import-result" role="alertdialog" aria-labelledby="import-clash-text" data-import="choose">
          <p id="import-clash-text">{t('importClash', { names: status.clashes.map((c) => `"${c.name}"`).join(', ') })}</p>
          <div class="actions">
            <button type="button" onClick={() => void exchange.resolveImport({ kind: 'replace' })}>
              {t('importReplace')}
            </button>
            <button type="button" class="secondary" onClick={() => void exchange.resolveImport({ kind: 'keep-both', suffix: t('importedSuffix') })}>
              {t('importKeepBoth')}
            </button>
            <button type="button" class="secondary" onClick={() => void exchange.resolveImport({ kind: 'cancel' })}>
              {t('importCancel')}
            </button>
          </div>
        </div>
      );
  }
}

export function StoragePanel() {
  const fileInput = useRef<HTMLInputElement>(null);
  // Measured once the terrains are listed (at start these reads would hold up the list's own), then again after imports and as the count of saved changes moves.
  const loaded = terrains.loaded.value;
  useEffect(() => {
    if (loaded) void exchange.refreshMeta();
  }, [loaded]);
  const changes = exchange.meta.value?.changesSinceExport ?? 0;
  useEffect(() => {
    if (!loaded) return;
    void exchange.refreshStorageHealth();
    void photos.refreshTotals();
  }, [loaded, changes, exchange.importStatus.value?.kind]);
  const photoTotals = photos.totals.value;
  const photoBytes = photoTotals && photoTotals.count > 0 ? formatBytes(photoTotals.bytes) : null;

  const health = exchange.storageHealth.value;
  const ratio = exchange.usageRatio.value;
  const pct = ratio === null ? null : Math.round(ratio * 1000) / 10;
  const meta = exchange.meta.value;

  return (
    <section class="card storage-panel" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storageTitle')}</h2>
      <p class="muted">{t('storageIntro')}</p>
      <p data-persisted={String(health?.persisted ?? 'unknown')}>
        {health?.persisted === true ? t('storagePersistent') : health?.persisted === false ? t('storageNotPersistent') : t('storagePersistUnknown')}{' '}
        {health?.persisted === false && (
          <button type="button" class="secondary" onClick={() => void exchange.requestPersistence()}>
            {t('storageRequestPersist')}
          </button>
        )}
      </p>
      {health && health.usage !== null && health.quota !== null && pct !== null && (
        <p class="storage-usage">{t('storageUsage', { used: formatBytes(health.usage), quota: formatBytes(health.quota), pct })}</p>
      )}
      {photoBytes && photoTotals && (
        <p class="storage-photos" data-photo-bytes={photoTotals.bytes}>
          {t('storagePhotos', { n: photoTotals.count, size: photoBytes })}
        </p>
      )}
      {save.storageFull.value ? (
        <p class="notice notice-warning" role="alert" data-warning="storage-full">
          {t('storageFullNotice')}
        </p>
      ) : (
        exchange.nearQuota.value &&
        pct !== null && (
          <p class="notice notice-warning" role="alert" data-warning="near-quota">
            {photoBytes ? t('storageNearQuotaPhotos', { pct, size: photoBytes }) : t('storageNearQuota', { pct })}
          </p>
        )
      )}
      {meta &&
        (exchange.needsExportReminder.value ? (
          <p class="notice notice-warning" role="status" data-warning="export-reminder">
            {t('exportReminder', { n: meta.changesSinceExport })}
          </p>
        ) : (
          <p class="muted">
            {meta.lastExportAt ? t('changesSinceExport', { n: meta.changesSinceExport, date: formatDate(meta.lastExportAt) }) : t('changesNeverExported', { n: meta.changesSinceExport })}
          </p>
        ))}
      <div class="actions">
        <button type="button" disabled={terrains.list.value.length === 0 || exchange.exportBusy.value} onClick={() => void exchange.exportAll().then((file) => file && saveFile(file))}>
          {t('exportAll')}
        </button>
        <button type="button" class="secondary" disabled={exchange.importStatus.value?.kind === 'busy'} onClick={() => fileInput.current?.click()}>
          {t('importFile')}
        </button>
        <input
          ref={fileInput}
          id="import-file"
          class="visually-hidden"
          type="file"
          accept=".json,application/json"
          aria-label={t('importChooseFile')}
          tabIndex={-1}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = ''; // the same file may be chosen again
            if (file) void exchange.importFile(file);
          }}
        />
      </div>
      {exchange.exportBusy.value && (
        <p class="muted" role="status" data-export="busy">
          {t('exportBusy')}
        </p>
      )}
      {!exchange.exportBusy.value && exchange.lastExportFile.value && (
        <p class="muted" role="status">
          {t('exportDone', { file: exchange.lastExportFile.value })}
        </p>
      )}
      <ImportOutcome />
    </section>
  );
}
