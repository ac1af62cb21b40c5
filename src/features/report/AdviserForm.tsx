/**
 * The adviser on the report page: name, organisation and contact, set once and kept on this
 * device for every report. Each field is stored as typed when it passes its check; a value
 * that fails it gets a message at the field and the stored value stays.
 */
import { useState } from 'preact/hooks';
import { adviser, checkAdviserValue, type Adviser } from '../../state';
import { t, tx } from '../../i18n';
import { TextField } from '../../ui/TextField';
import { storageFailureText } from '../../ui/stateText';

const FIELDS: { key: keyof Adviser; label: 'adviserName' | 'adviserOrganisation' | 'adviserContact' }[] = [
  { key: 'name', label: 'adviserName' },
  { key: 'organisation', label: 'adviserOrganisation' },
  { key: 'contact', label: 'adviserContact' },
];

export function AdviserForm() {
  return adviser.loaded.value ? <Form /> : null;
}

function Form() {
  const stored = adviser.adviser.value;
  const failure = adviser.failure.value;
  // Open while no adviser is set; after that folded (the cover shows who it is).
  const [openAtFirst] = useState(!stored.name);
  return (
    <details class="card no-print adviser-form" open={openAtFirst}>
      <summary>
        <h2 class="inline">{t('adviserTitle')}</h2> {stored.name && <span class="muted">— {stored.name}</span>}
      </summary>
      <p class="muted">{t('adviserHelp')}</p>
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          id={`adviser-${f.key}`}
          label={t(f.label)}
          value={stored[f.key]}
          check={(v) => {
            const message = checkAdviserValue(f.key, v);
            return message && tx(message);
          }}
          onCommit={(v) => void adviser.set(f.key, v)}
        />
      ))}
      {failure && (
        <p class="error" role="alert">
          {t('adviserNotSaved', { error: storageFailureText(failure, 'save') })}
        </p>
      )}
    </details>
  );
}
