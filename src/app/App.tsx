/** The app shell: header with navigation, language switch and save state; notices; the current view. */
import { useEffect } from 'preact/hooks';
import { lang, setLang, t } from '../i18n';
import { conflict, deletedElsewhere, loadEngine, remoteUpdate, resolveConflict, resolveDeleted, saveError, saveState } from '../state/terrainStore';
import { TerrainList } from '../views/TerrainList';
import { lazyView } from './lazy';
import { Link } from './Link';
import { applyUpdate, offlineReady, updateWaiting } from './pwa';
import { hrefs, route } from './router';

function SaveIndicator() {
  const state = saveState.value;
  const text =
    state === 'saved' ? t('saveSaved') : state === 'saving' ? t('saveSaving') : state === 'pending' ? t('savePending') : state === 'error' ? t('saveError', { error: saveError.value ?? '' }) : deletedElsewhere.value ? t('deletedConflictState') : t('saveConflict');
  return (
    <p class={`save-state save-${state}`} role="status" aria-live="polite" data-state={state}>
      {text}
    </p>
  );
}

/** A question the user must answer before this tab saves again (a conflict with another tab). */
function Question({ text, yes, no, onYes, onNo }: { text: string; yes: string; no: string; onYes(): void; onNo(): void }) {
  return (
    <div class="notice notice-warning" role="alert">
      {text}{' '}
      <button type="button" onClick={onYes}>
        {yes}
      </button>{' '}
      <button type="button" class="secondary" onClick={onNo}>
        {no}
      </button>
    </div>
  );
}

function Notices() {
  return (
    <div class="notices">
      {conflict.value && <Question text={t('saveConflict')} yes={t('conflictKeepMine')} no={t('conflictTakeTheirs')} onYes={() => void resolveConflict('mine')} onNo={() => void resolveConflict('theirs')} />}
      {deletedElsewhere.value && (
        <Question
          text={t('deletedElsewhere', { name: deletedElsewhere.value.name })}
          yes={t('deletedRestore')}
          no={t('deletedDiscard')}
          onYes={() => void resolveDeleted('restore')}
          onNo={() => void resolveDeleted('discard')}
        />
      )}
      {remoteUpdate.value && (
        <div class="notice" role="status" data-notice="remote-update">
          {t(remoteUpdate.value.deleted ? 'remoteDeleted' : 'remoteUpdated', { name: remoteUpdate.value.name })}{' '}
          <button type="button" class="secondary" onClick={() => (remoteUpdate.value = null)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * The service worker's notices float at the bottom: they arrive while the page is loading,
 * and a notice pushed in above the content would shift the whole page down.
 */
function Toasts() {
  return (
    <div class="toasts no-print">
      {offlineReady.value && (
        <div class="notice" role="status">
          {t('offlineReady')}{' '}
          <button type="button" class="secondary" onClick={() => (offlineReady.value = false)}>
            {t('dismiss')}
          </button>
        </div>
      )}
      {updateWaiting.value && (
        <div class="notice" role="status">
          {t('updateAvailable')}{' '}
          <button type="button" onClick={applyUpdate}>
            {t('updateReload')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => (updateWaiting.value = false)}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

// Editor and assessment carry the engine and the toolbox data: loaded on demand, warmed after first paint.
const TerrainEditor = lazyView(() => Promise.all([import('../views/TerrainEditor'), loadEngine()]).then(([m]) => m.TerrainEditor));
const AssessmentView = lazyView(() => Promise.all([import('../views/AssessmentView'), loadEngine()]).then(([m]) => m.AssessmentView));
const ReportView = lazyView(() => Promise.all([import('../views/ReportView'), loadEngine()]).then(([m]) => m.ReportView));
const CompareView = lazyView(() => Promise.all([import('../views/CompareView'), loadEngine()]).then(([m]) => m.CompareView));
const HandbookView = lazyView(() => import('../views/HandbookView').then((m) => m.HandbookView));

/** Loads the other views when the browser is idle, so the next click is instant. */
export function preloadViews(): void {
  const warm = () => {
    void TerrainEditor.preload();
    void AssessmentView.preload();
  };
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 500);
}

function View() {
  const r = route.value;
  switch (r.name) {
    case 'list':
      return <TerrainList />;
    case 'editor':
      return <TerrainEditor id={r.id} focus={r.focus} />;
    case 'assessment':
      return <AssessmentView id={r.id} />;
    case 'report':
      return <ReportView id={r.id} />;
    case 'compare':
      return <CompareView />;
    case 'handbook':
      return <HandbookView />;
    default:
      return (
        <section>
          <h1>{t('notFound')}</h1>
          <Link href={hrefs.list()}>{t('backToList')}</Link>
        </section>
      );
  }
}

export function App() {
  useEffect(() => {
    document.documentElement.lang = lang.value;
    document.title = t('appTitle');
  }, [lang.value]);
  const r = route.value.name;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="app-header no-print">
        <Link href={hrefs.list()} class="brand">
          {t('appTitle')}
        </Link>
        <nav aria-label={t('appTitle')}>
          <ul>
            <li>
              <Link href={hrefs.list()} aria-current={r === 'list' ? 'page' : undefined}>
                {t('navTerrains')}
              </Link>
            </li>
            <li>
              <Link href={hrefs.compare()} aria-current={r === 'compare' ? 'page' : undefined}>
                {t('navCompare')}
              </Link>
            </li>
            <li>
              <Link href={hrefs.handbook()} aria-current={r === 'handbook' ? 'page' : undefined}>
                {t('navHandbook')}
              </Link>
            </li>
          </ul>
        </nav>
        <SaveIndicator />
        <button type="button" class="lang-switch secondary" lang={lang.value === 'nl' ? 'en' : 'nl'} aria-label={t('switchLangLabel')} onClick={() => setLang(lang.value === 'nl' ? 'en' : 'nl')}>
          {t('switchLang')}
        </button>
      </header>
      <Notices />
      <main id="main" tabIndex={-1}>
        <View />
      </main>
      <Toasts />
    </>
  );
}
