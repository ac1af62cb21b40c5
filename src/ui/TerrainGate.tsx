/**
 * Renders a view of the open terrain (the route's), or "loading" / "not on this device"
 * until the terrain and its assessment are there.
 */
import type { ComponentChildren } from 'preact';
import { Link } from './Link';
import type { Assessment } from '../engine/types';
import { t } from '../i18n';
import type { StoredTerrain } from '../state';
import { assessment as assessments, hrefs, terrains } from '../state';

interface Props {
  id: string;
  /** Heading shown when the terrain is not on this device. */
  title: string;
  children: (terrain: StoredTerrain, assessment: Assessment) => ComponentChildren;
}

/**
 * True while the terrain may be on this device but is not read in full yet (the view says
 * "loading"). Read in the view (not in a model action, which would not subscribe it).
 */
export const isReading = (id: string): boolean => !terrains.loaded.value || (!terrains.byId.value.has(id) && terrains.summaries.value.has(id));

export function TerrainGate({ id, title, children }: Props) {
  if (isReading(id)) return <p>{t('loading')}</p>;
  const terrain = terrains.byId.value.get(id);
  if (!terrain) {
    return (
      <section>
        <h1>{title}</h1>
        <p>{t('terrainNotFound')}</p>
        <Link href={hrefs.list()}>{t('backToList')}</Link>
      </section>
    );
  }
  const assessment = assessments.current.value;
  if (!assessment) return <p>{t('loading')}</p>;
  return <>{children(terrain, assessment)}</>;
}
