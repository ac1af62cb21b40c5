/**
 * The terrains on this device, from their summaries (no terrain is read to show the list):
 * create, search (name, place, postcode), sort, one page at a time, open, export (JSON, or
 * GeoJSON for a GIS), duplicate, delete (with undo); each item shows the status counts the
 * background assessment stored.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals';
import { useState } from 'preact/hooks';
import { formatDate, formatNumber, t } from '../../i18n';
import { assessment, exchange, hrefs, route, statusCounts, terrains, type TerrainSummary } from '../../state';
import { Link } from '../../ui/Link';
import { STATUS_ORDER } from '../../ui/statusOrder';
import { StoragePanel } from './StoragePanel';
import { saveFile } from '../../ui/saveFile';
import { LIST_SORTS, pageOf, searchList, type ListPage, type ListSort } from './listQuery';

/** The terrain's buildings as GeoJSON, with the verdicts of the engine (loaded on demand). */
async function exportGeoJson(id: string): Promise<void> {
  const [terrain, engine, { geoJsonFile }] = await Promise.all([terrains.open(id), assessment.loadEngine(), import('./geojson')]);
  if (terrain) saveFile(geoJsonFile(terrain, engine.assess(terrain).measures));
}

/** The view's own state: the search, the sort and the page (kept while the user opens a terrain and comes back). */
interface ListQueryModel {
  text: ReadonlySignal<string>;
  sort: ReadonlySignal<ListSort>;
  shown: ReadonlySignal<ListPage>;
  search(text: string): void;
  sortBy(sort: ListSort): void;
  goTo(page: number): void;
}
const ListQueryModel = createModel<ListQueryModel>(() => {
  const text = signal('', { name: 'list-search' });
  const sort = signal<ListSort>('date', { name: 'list-sort' });
  const page = signal(0, { name: 'list-page' });
  const hits = computed(() => searchList(terrains.list.value, text.value, sort.value), { name: 'list-hits' });
  return {
    text,
    sort,
    shown: computed(() => pageOf(hits.value, page.value), { name: 'list-page-shown' }),
    search(next) {
      text.value = next;
      page.value = 0;
    },
    sortBy(next) {
      sort.value = next;
      page.value = 0;
    },
    goTo(next) {
      page.value = next;
    },
  };
});
const query = new ListQueryModel();

export function TerrainList() {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const deleted = terrains.lastDeleted.value;

  const create = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const terrain = await terrains.create(name.trim() || t('newTerrainDefault'));
      setName('');
      route.navigate(hrefs.editor(terrain.id));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="list-title">
      <h1 id="list-title">{t('listTitle')}</h1>
      <p class="intro">{t('listIntro')}</p>
      <form class="create-form" onSubmit={create}>
        <div class="field">
          <label for="new-terrain-name">{t('newTerrainName')}</label>
          <input id="new-terrain-name" type="text" value={name} placeholder={t('newTerrainDefault')} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {t('createTerrain')}
        </button>
        <button type="button" class="secondary" onClick={() => void import('../../state/examples').then((m) => m.addExampleTerrains(terrains))}>
          {t('addExamples')}
        </button>
      </form>

      {deleted && (
        <div class="notice" role="status">
          {t('deleted', { name: deleted.name })}{' '}
          <button type="button" class="secondary" onClick={() => void terrains.undoDelete()}>
            {t('undo')}
          </button>
        </div>
      )}

      {terrains.loadError.value && (
        <p class="error" role="alert">
          {terrains.loadError.value}
        </p>
      )}
      {!terrains.loaded.value ? <p>{t('loading')}</p> : terrains.list.value.length === 0 ? <p>{t('noTerrains')}</p> : <Terrains />}
      <StoragePanel />
    </section>
  );
}

function Terrains() {
  const total = terrains.list.value.length;
  const { items, matching, page, pages } = query.shown.value;
  const text = query.text.value.trim();
  const progress = statusCounts.progress.value;
  return (
    <>
      <div class="list-tools" role="search">
        <div class="field">
          <label for="list-search">{t('listSearch')}</label>
          <input id="list-search" type="search" value={query.text.value} autoComplete="off" onInput={(e) => query.search(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="list-sort">{t('listSort')}</label>
          <select id="list-sort" value={query.sort.value} onChange={(e) => query.sortBy(e.currentTarget.value as ListSort)}>
            {LIST_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`listSort${s}` as never)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="muted" role="status" id="list-count">
        {text ? t('listMatches', { n: matching, total }) : total === 1 ? t('listCountOne') : t('listCount', { n: total })}
        {progress && ` ${t('listAssessing', { done: progress.done, total: progress.total })}`}
      </p>
      {matching === 0 && <p>{t('listNoMatch', { query: text })}</p>}
      <ul class="terrain-list" aria-label={t('listTitle')} aria-describedby="list-count">
        {items.map((summary) => (
          <TerrainItem key={summary.id} terrain={summary} />
        ))}
      </ul>
      {pages > 1 && (
        <nav class="pager" aria-label={t('listPages')}>
          <button type="button" class="secondary" disabled={page === 0} onClick={() => query.goTo(page - 1)}>
            {t('listPrevious')}
          </button>
          <span>{t('listPage', { page: page + 1, pages })}</span>
          <button type="button" class="secondary" disabled={page >= pages - 1} onClick={() => query.goTo(page + 1)}>
            {t('listNext')}
          </button>
        </nav>
      )}
    </>
  );
}

function TerrainItem({ terrain }: { terrain: TerrainSummary }) {
  const place = [terrain.municipality, terrain.postcode4].filter(Boolean).join(' · ');
  return (
    <li class="card terrain-item">
      <div>
        <h2 class="terrain-name">
          <Link href={hrefs.editor(terrain.id)}>{terrain.name}</Link>
        </h2>
        <p class="muted">
          {place}
          {place ? ' · ' : ''}
          {terrain.buildingCount === 1 ? t('buildingsCountOne') : t('buildingsCount', { n: terrain.buildingCount })} · {t('lastChanged', { date: formatDate(terrain.updatedAt) })}
        </p>
        {terrain.withoutLocation > 0 && <p class="muted">{terrain.withoutLocation === 1 ? t('withoutLocationOne') : t('withoutLocation', { n: terrain.withoutLocation })}</p>}
        <StatusCounts terrain={terrain} />
      </div>
      <div class="actions">
        <Link class="button secondary" href={hrefs.assessment(terrain.id)} aria-label={`${t('openAssessment')}: ${terrain.name}`}>
          {t('openAssessment')}
        </Link>
        <button type="button" class="secondary" aria-label={`${t('exportOne')}: ${terrain.name}`} onClick={() => void exchange.exportOne(terrain.id).then((file) => file && saveFile(file))}>
          {t('exportOne')}
        </button>
        <button type="button" class="secondary" aria-label={`${t('exportGeoJsonLabel')}: ${terrain.name}`} onClick={() => void exportGeoJson(terrain.id)}>
          {t('exportGeoJson')}
        </button>
        <button type="button" class="secondary" aria-label={`${t('duplicate')}: ${terrain.name}`} onClick={() => void terrains.duplicate(terrain.id, t('copySuffix'))}>
          {t('duplicate')}
        </button>
        <button
          type="button"
          class="danger"
          aria-label={`${t('delete')}: ${terrain.name}`}
          onClick={() => {
            if (confirm(t('confirmDelete', { name: terrain.name }))) void terrains.remove(terrain.id);
          }}
        >
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

/** "Beoordeling: Haalbaar 12 · Nu niet haalbaar 3 …", marked when made before the last change. */
function StatusCounts({ terrain }: { terrain: TerrainSummary }) {
  const s = terrain.statusCounts;
  if (!s) return null;
  const parts = STATUS_ORDER.filter((status) => s.counts[status]).map((status) => `${t(`status${status}` as never)} ${formatNumber(s.counts[status])}`);
  return (
    <p class="muted list-counts" data-revision={s.revision}>
      {t('listStatusCounts')}: {parts.join(' · ')}
      {s.revision !== terrain.revision && ` ${t('listStatusStale')}`}
    </p>
  );
}
