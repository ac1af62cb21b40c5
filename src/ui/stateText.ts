/**
 * The state keeps codes and data, never sentences: these put them in words of the
 * current language at render time, so a language switch re-translates them.
 */
import { t } from '../i18n';
import type { DbEvent, SaveStatus, StorageFailure } from '../state';

/** A failed write of a save (`for: 'save'`) or an import, in words. */
export function storageFailureText(failure: StorageFailure, of: 'save' | 'import'): string {
  if (failure.code === 'quota') return t(of === 'save' ? 'storageFullSave' : 'importQuota');
  return of === 'import' && failure.name ? `${failure.name}: ${failure.message}` : failure.message;
}

/** The header's save indicator. */
export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return t('saveSaved');
    case 'saving':
      return t('saveSaving');
    case 'pending':
      return t('savePending');
    case 'error':
      return t('saveError', { error: storageFailureText(status.error, 'save') });
    case 'deleted-elsewhere':
      return t('deletedConflictState');
    case 'conflict':
      return t('saveConflict');
  }
}

/** The indicator's state attribute: both questions are a conflict with another tab. */
export const saveStateAttribute = (status: SaveStatus): string => (status.kind === 'deleted-elsewhere' ? 'conflict' : status.kind);

export function databaseNoticeText(event: DbEvent): string {
  return t(event === 'blocked' ? 'dbBlocked' : event === 'blocking' ? 'dbBlocking' : 'dbTerminated');
}
