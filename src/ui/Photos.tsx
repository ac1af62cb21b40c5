/**
 * A building's photos: `BuildingPhotos` shows them as printable thumbnails with their caption
 * and date (the report's company sheet places it); `PhotoControls` adds "Foto maken" (the
 * phone's camera, or a file), a caption per photo and a delete with a confirm (the editor's
 * "Bedrijf en bezoek" and walk mode). Thumbnails are object URLs of the stored blobs, revoked
 * when a photo goes or the component unmounts. The photos model does the storing.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatBytes, formatDate, t } from '../i18n';
import { photos, type PhotoOutcome, type StoredPhoto } from '../state';
import { storageFailureText } from './stateText';
import { TextField } from './TextField';

/** One object URL per photo, made once and revoked when the photo leaves the list or the component unmounts. */
function usePhotoUrls(list: readonly StoredPhoto[]): ReadonlyMap<string, string> {
  const urls = useRef(new Map<string, string>());
  const current = useMemo(() => {
    const keep = new Set(list.map((p) => p.id));
    for (const [id, url] of urls.current) {
      if (!keep.has(id)) {
        URL.revokeObjectURL(url);
        urls.current.delete(id);
      }
    }
    for (const p of list) if (!urls.current.has(p.id)) urls.current.set(p.id, URL.createObjectURL(p.blob));
    return new Map(urls.current);
  }, [list]);
  useEffect(
    () => () => {
      for (const url of urls.current.values()) URL.revokeObjectURL(url);
      urls.current.clear();
    },
    [],
  );
  return current;
}

const NONE: readonly StoredPhoto[] = [];
/** One building's photos as the model has them; read during render, so the view follows the model. */
export function buildingPhotos(terrainId: string, buildingId: string): readonly StoredPhoto[] {
  const list = photos.byTerrain.value.get(terrainId)?.filter((p) => p.buildingId === buildingId);
  return list?.length ? list : NONE;
}

/** The building's photos; asks for the terrain's photos once per mount. */
function useBuildingPhotos(terrainId: string, buildingId: string): readonly StoredPhoto[] {
  useEffect(() => void photos.load(terrainId), [terrainId]);
  return buildingPhotos(terrainId, buildingId);
}

function Thumbnail({ photo, url, index, buildingName }: { photo: StoredPhoto; url: string | undefined; index: number; buildingName: string }) {
  const alt = photo.caption || t('photoAlt', { n: index + 1, name: buildingName });
  return (
    <figure class="photo">
      <img src={url} alt={alt} width={photo.width} height={photo.height} decoding="async" />
      <figcaption>
        {photo.caption && <span class="photo-caption">{photo.caption}</span>} <span class="muted">{formatDate(photo.takenAt)}</span>
      </figcaption>
    </figure>
  );
}

/** Thumbnails of one building's photos, for screen and print; nothing when it has none. */
export function BuildingPhotos({ terrainId, buildingId, buildingName }: { terrainId: string; buildingId: string; buildingName: string }) {
  const list = useBuildingPhotos(terrainId, buildingId);
  const urls = usePhotoUrls(list);
  if (list.length === 0) return null;
  return (
    <ul class="photos" aria-label={t('photosOf', { name: buildingName })}>
      {list.map((p, i) => (
        <li key={p.id}>
          <Thumbnail photo={p} url={urls.get(p.id)} index={i} buildingName={buildingName} />
        </li>
      ))}
    </ul>
  );
}

function outcomeText(outcome: PhotoOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return t('photoAdded');
    case 'undecodable':
      return t('photoUndecodable');
    case 'too-large':
      return t('photoTooLarge');
    case 'failed':
      return t('photoNotStored', { error: storageFailureText(outcome.error, 'import') });
  }
}

/** "Foto maken", the building's photos with a caption each, and delete. */
export function PhotoControls({ terrainId, buildingId, buildingName }: { terrainId: string; buildingId: string; buildingName: string }) {
  const list = useBuildingPhotos(terrainId, buildingId);
  const urls = usePhotoUrls(list);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PhotoOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const inputId = `photo-input-${buildingId}`;
  const problem = outcome && outcome.kind !== 'added';

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    setOutcome(await photos.add(terrainId, buildingId, file));
    setBusy(false);
  };
  const report = (error: Parameters<typeof storageFailureText>[0] | null) => setFailure(error && t('photoNotStored', { error: storageFailureText(error, 'import') }));

  return (
    <div class="photo-controls" data-photos={list.length}>
      <h4 class="photo-heading">{t('photosTitle', { n: list.length })}</h4>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {busy ? t('photoBusy') : t('photoTake')}
        </button>
        <input
          ref={input}
          id={inputId}
          class="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          aria-label={t('photoTakeFor', { name: buildingName })}
          tabIndex={-1}
          onChange={(e) => {
            const el = e.currentTarget;
            const file = el.files?.[0];
            el.value = ''; // the same photo may be chosen again
            void choose(file);
          }}
        />
      </div>
      <p class={problem ? 'field-error' : 'muted'} role={problem ? 'alert' : 'status'} data-photo-outcome={outcome?.kind ?? ''}>
        {outcome && outcomeText(outcome)}
      </p>
      {failure && (
        <p class="field-error" role="alert">
          {failure}
        </p>
      )}
      {list.length > 0 && (
        <ul class="photos photos-edit" aria-label={t('photosOf', { name: buildingName })}>
          {list.map((p, i) => (
            <li key={p.id}>
              <Thumbnail photo={p} url={urls.get(p.id)} index={i} buildingName={buildingName} />
              <p class="muted">{t('photoSize', { w: p.width, h: p.height, size: formatBytes(p.bytes) })}</p>
              <TextField id={`caption-${p.id}`} label={t('photoCaption', { n: i + 1 })} value={p.caption ?? ''} maxLength={200} onCommit={(v) => void photos.setCaption(p, v).then(report)} />
              <button
                type="button"
                class="danger"
                onClick={() => {
                  if (confirm(t('photoConfirmDelete', { n: i + 1, name: buildingName }))) void photos.remove(p).then(report);
                }}
              >
                {t('photoDelete', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
