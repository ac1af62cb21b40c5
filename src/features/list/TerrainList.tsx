/** The terrains on this device: create, open, export (JSON, or GeoJSON for a GIS), duplicate, delete (with undo). */
import { useState } from 'preact/hooks';
import { formatDate, t } from '../../i18n';
import { assessment, exchange, hrefs, route, terrains, type StoredTerrain } from '../../state';
import { withoutLocation } from './points';
import { Link } from '../../ui/Link';
import { StoragePanel } from './StoragePanel';
import { saveFile } from '../../ui/saveFile';

/** The terrain's buildings as GeoJSON, with the verdicts of the engine (loaded on demand). */
async function exportGeoJson(terrain: StoredTerrain): Promise<void> {
  const [engine, { geoJsonFile }] = await Promise.all([assessment.loadEngine(), import('./geojson')]);
  saveFile(geoJsonFile(terrain, engine.assess(terrain).measures));
}

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
      {!terrains.loaded.value ? (
        <p>{t('loading')}</p>
      ) : terrains.list.value.length === 0 ? (
        <p>{t('noTerrains')}</p>
      ) : (
        <ul class="terrain-list" aria-label={t('listTitle')}>
          {terrains.list.value.map((terrain) => (
            <li key={terrain.id} class="card terrain-item">
              <div>
                <h2 class="terrain-name">
                  <Link href={hrefs.editor(terrain.id)}>{terrain.name}</Link>
                </h2>
                <p class="muted">
                  {[terrain.municipality, terrain.postcode4].filter(Boolean).join(' · ')}
                  {terrain.municipality || terrain.postcode4 ? ' · ' : ''}
                  {terrain.buildings.length === 1 ? t('buildingsCountOne') : t('buildingsCount', { n: terrain.buildings.length })} ·{' '}
                  {t('lastChanged', { date: formatDate(terrain.updatedAt) })}
                </p>
                <WithoutLocation terrain={terrain} />
              </div>
              <div class="actions">
                <Link class="button secondary" href={hrefs.assessment(terrain.id)} aria-label={`${t('openAssessment')}: ${terrain.name}`}>
                  {t('openAssessment')}
                </Link>
                <button type="button" class="secondary" aria-label={`${t('exportOne')}: ${terrain.name}`} onClick={() => void exchange.exportOne(terrain.id).then((file) => file && saveFile(file))}>
                  {t('exportOne')}
                </button>
                <button type="button" class="secondary" aria-label={`${t('exportGeoJsonLabel')}: ${terrain.name}`} onClick={() => void exportGeoJson(terrain)}>
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
          ))}
        </ul>
      )}
      <StoragePanel />
    </section>
  );
}

function WithoutLocation({ terrain }: { terrain: StoredTerrain }) {
  const n = withoutLocation(terrain);
  return n === 0 ? null : <p class="muted">{n === 1 ? t('withoutLocationOne') : t('withoutLocation', { n })}</p>;
}
