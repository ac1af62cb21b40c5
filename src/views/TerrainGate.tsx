/**
 * Opens a terrain for a view: sets it as the current one, and renders "loading" or
 * "not on this device" until the terrain and its assessment are there.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Link } from '../app/Link';
import { hrefs } from '../app/router';
import type { Assessment } from '../engine/types';
import { t } from '../i18n';
import type { StoredTerrain } from '../storage/db';
import { currentAssessment, currentId, loaded, terrainsById } from '../state/terrainStore';

interface Props {
  id: string;
  /** Heading shown when the terrain is not on this device. */
  title: string;
  children: (terrain: StoredTerrain, assessment: Assessment) => ComponentChildren;
}

export function TerrainGate({ id, title, children }: Props) {
  useEffect(() => {
    currentId.value = id;
  }, [id]);
  if (!loaded.value) return <p>{t('loading')}</p>;
  const terrain = terrainsById.value.get(id);
  if (!terrain) {
    return (
      <section>
        <h1>{title}</h1>
        <p>{t('terrainNotFound')}</p>
        <Link href={hrefs.list()}>{t('backToList')}</Link>
      </section>
    );
  }
  const assessment = currentId.value === id ? currentAssessment.value : null;
  if (!assessment) return <p>{t('loading')}</p>;
  return <>{children(terrain, assessment)}</>;
}
