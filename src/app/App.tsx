/** The app shell: header with navigation, language switch and save state; notices; the current view. */
import { useEffect } from 'preact/hooks';
import { formatNumber, lang, loadMessages, setLang, t } from '../i18n';
import { assessment, database, hrefs, route, save, tabSync, type SaveQuestion } from '../state';
import { Link } from '../ui/Link';
import { databaseNoticeText, saveStateAttribute, saveStatusText } from '../ui/stateText';
import { TerrainList } from '../features/list/TerrainList';
import { lazyView } from './lazy';
import { applyUpdate, dismissOfflineReady, dismissUpdate, offlineReady, updateWaiting } from './pwa';

function SaveIndicator() {
  const status = save.status.value;
  const state = saveStateAttribute(status);
  return (
    <p class={`save-state save-${state}`} role="status" aria-live="polite" data-state={state}>
      {saveStatusText(status)}
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

function SaveQuestionNotice({ question: q }: { question: SaveQuestion }) {
  if (q.kind === 'conflict') {
    const { id } = q.theirs;
    return <Question text={t('saveConflict')} yes={t('conflictKeepMine')} no={t('conflictTakeTheirs')} onYes={() => void save.resolveConflict('mine', id)} onNo={() => void save.resolveConflict('theirs', id)} />;
  }
  return <Question text={t('deletedElsewhere', { name: q.name })} yes={t('deletedRestore')} no={t('deletedDiscard')} onYes={() => void save.resolveDeleted('restore', q.id)} onNo={() => void save.resolveDeleted('discard', q.id)} />;
}

/**
 * The open questions stick to the top of the screen: they are asked where the user is working
 * (often far down a building), and nothing is saved until they are answered.
 */
function Notices() {
  const remote = tabSync.remoteUpdate.value;
  const questions = save.questions.value;
  return (
    <>
      {questions.length > 0 && (
        <div class="questions no-print">
          {questions.map((q) => (
            <SaveQuestionNotice key={`${q.kind}:${q.kind === 'conflict' ? q.theirs.id : q.id}`} question={q} />
          ))}
        </div>
      )}
      <div class="notices">
        {remote && (
          <div class="notice" role="status" data-notice="remote-update">
            {t(remote.deleted ? 'remoteDeleted' : 'remoteUpdated', { name: remote.name })}{' '}
            <button type="button" class="secondary" onClick={() => tabSync.dismiss()}>
              {t('dismiss')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}

/** The database's notice floats at the bottom: it arrives at any time and asks for a reload. */
function DatabaseNotice() {
  const dbEvent = database.event.value;
  if (!dbEvent) return null;
  return (
    <div class="toasts no-print">
      <div class="notice notice-warning" role="alert" data-notice={`database-${dbEvent}`}>
        {databaseNoticeText(dbEvent)}{' '}
        <button type="button" onClick={() => location.reload()}>
          {t('reload')}
        </button>{' '}
        <button type="button" class="secondary" onClick={() => database.dismiss()}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}

/**
 * The service worker's notices close the page, in its flow: they arrive while the page is
 * loading, so above the content they would shift it down, and floating over it they would
 * cover its controls (on a phone, "Gebouw toevoegen").
 */
function ServiceWorkerNotices() {
  if (!offlineReady.value && !updateWaiting.value) return null;
  return (
    <div class="sw-notices no-print">
      {offlineReady.value && (
        <div class="notice" role="status">
          {t('offlineReady')}{' '}
          <button type="button" class="secondary" onClick={dismissOfflineReady}>
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
          <button type="button" class="secondary" onClick={dismissUpdate}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

// Editor and assessment carry the engine and the toolbox data: loaded on demand, warmed after first paint.
const TerrainEditor = lazyView(() => Promise.all([import('../features/editor/TerrainEditor'), assessment.loadEngine()]).then(([m]) => m.TerrainEditor));
const AssessmentView = lazyView(() => Promise.all([import('../features/assessment/AssessmentView'), assessment.loadEngine()]).then(([m]) => m.AssessmentView));
const ReportView = lazyView(() => Promise.all([import('../features/report/ReportView'), assessment.loadEngine()]).then(([m]) => m.ReportView));
const CompareView = lazyView(() => Promise.all([import('../features/compare/CompareView'), assessment.loadEngine()]).then(([m]) => m.CompareView));
const WalkView = lazyView(() => Promise.all([import('../features/walk/WalkView'), assessment.loadEngine()]).then(([m]) => m.WalkView));
const ImportView = lazyView(() => Promise.all([import('../features/import/ImportView'), assessment.loadEngine()]).then(([m]) => m.ImportView));
const HandbookView = lazyView(() => import('../features/handbook/HandbookView').then((m) => m.HandbookView));

/**
 * Loads the engine, the views most opened next, the other language and the browser's number data
 * (a first Intl format), one after the other, each in an idle moment (one task each, not one long
 * one), so the next click is instant (also offline without the service worker).
 */
export async function preloadViews(): Promise<void> {
  const warm = [assessment.loadEngine, TerrainEditor.preload, AssessmentView.preload, () => loadMessages(lang.value === 'nl' ? 'en' : 'nl').catch(() => undefined), () => void formatNumber(1234.5)];
  for (const load of warm) {
    await whenIdle();
    await load();
  }
}

const whenIdle = (): Promise<void> => new Promise((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0)));

function View() {
  const r = route.route.value;
  switch (r.name) {
    case 'list':
      return <TerrainList />;
    case 'editor':
      return <TerrainEditor id={r.id} focus={r.focus} />;
    case 'assessment':
      return <AssessmentView id={r.id} />;
    case 'report':
      return <ReportView id={r.id} buildingId={r.buildingId} />;
    case 'walk':
      return <WalkView id={r.id} buildingId={r.buildingId} />;
    case 'import':
      return <ImportView id={r.id} />;
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
  const r = route.route.value.name;
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
        <button type="button" class="lang-switch secondary" lang={lang.value === 'nl' ? 'en' : 'nl'} aria-label={t('switchLangLabel')} onClick={() => void setLang(lang.value === 'nl' ? 'en' : 'nl').catch(() => undefined)}>
          {t('switchLang')}
        </button>
      </header>
      <Notices />
      <main id="main" tabIndex={-1}>
        <View />
      </main>
      <ServiceWorkerNotices />
      <DatabaseNotice />
    </>
  );
}
