/**
 * Walk mode: one building's site visit. The questions that decide the most for this building
 * come first (the engine's `walkQuestions`), each answered with one tap on a large chip
 * (ja / nee / onbekend, or the fact's options) or a number field; the building's verdict
 * counts, the save state and the progress stay in a sticky bar. Answers go through the
 * terrains model's setFact (autosaved like every edit); "onbekend" moves a question last.
 * "Foto maken" below the questions stores a photo of the building as the editor does; the
 * cross-field warnings of the building's answers show under the bar, as in the editor.
 */
import { useMemo, useState } from 'preact/hooks';
import { checkNumberInput, crossWarnings, unitIn } from '../../engine';
import { walkQuestions, type WalkQuestion } from '../../engine/questions';
import type { Fact, FactValue, Status } from '../../engine/types';
import { lang, t, tx } from '../../i18n';
import { assessment as assessments, hrefs, save, terrains } from '../../state';
import { Link, StatusBadge, toolboxIndex } from '../../ui/common';
import { STATUS_ORDER } from '../../ui/labels';
import { PhotoControls } from '../../ui/Photos';
import { saveStatusText } from '../../ui/stateText';
import { isReading } from '../../ui/TerrainGate';
import { buildingsDecided, skippedFor, withSkipped, type Skipped } from './progress';

/** How many questions are shown at once: the first is the one in focus. */
const SHOWN = 3;

function Chips({ fact, name, onAnswer }: { fact: Fact; name: string; onAnswer(v: FactValue): void }) {
  const options: { value: FactValue; label: string }[] =
    fact.type === 'boolean' ? [{ value: true, label: t('yes') }, { value: false, label: t('no') }] : (fact.options ?? []).map((o) => ({ value: o.value, label: tx(o.label) }));
  return (
    <div class="chips" role="group" aria-label={name}>
      {options.map((o) => (
        <button key={String(o.value)} type="button" class="chip" onClick={() => onAnswer(o.value)}>
          {o.label}
        </button>
      ))}
      <button type="button" class="chip chip-unknown" onClick={() => onAnswer(null)}>
        {t('unknown')}
      </button>
    </div>
  );
}

function NumberAnswer({ fact, domId, onAnswer }: { fact: Fact; domId: string; onAnswer(v: FactValue): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const check = checkNumberInput(fact, text, lang.value);
    if (check.ok) onAnswer(check.value);
    else setError(tx(check.message));
  };
  const unit = fact.unit ? unitIn(fact.unit, lang.value) : '';
  return (
    <form
      class="walk-number"
      onSubmit={(e) => {
        e.preventDefault();
        commit();
      }}
    >
      <label for={domId} class="visually-hidden">
        {tx(fact.label)}
      </label>
      <input
        id={domId}
        type="text"
        inputMode={fact.type === 'integer' ? 'numeric' : 'decimal'}
        enterKeyHint="next"
        autoComplete="off"
        value={text}
        placeholder={unit}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${domId}-error`}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setError(null);
        }}
      />
      <button type="submit" class="chip">
        {t('walkOk')}
      </button>
      <button type="button" class="chip chip-unknown" onClick={() => onAnswer(null)}>
        {t('unknown')}
      </button>
      <p class="field-error" id={`${domId}-error`} aria-live="polite">
        {error}
      </p>
    </form>
  );
}

function Question({ q, buildingId, onAnswer }: { q: WalkQuestion; buildingId: string; onAnswer(v: FactValue): void }) {
  const fact = toolboxIndex.facts.get(q.factId)!;
  const domId = `walk-${buildingId}-${q.factId}`;
  const name = tx(fact.label);
  return (
    <li class="card walk-question" data-fact={q.factId} data-scope={q.scope}>
      <h3 id={`${domId}-label`}>
        {name}
        {q.scope === 'terrain' && <span class="unit"> ({t('terrainLevel')})</span>}
      </h3>
      <p class="help">{tx(fact.help)}</p>
      {fact.type === 'boolean' || fact.type === 'enum' ? <Chips fact={fact} name={name} onAnswer={onAnswer} /> : <NumberAnswer key={q.factId} fact={fact} domId={domId} onAnswer={onAnswer} />}
    </li>
  );
}

export function WalkView({ id, buildingId }: { id: string; buildingId: string }) {
  const terrain = terrains.byId.value.get(id);
  const [skipped, setSkipped] = useState<Skipped>(new Map());
  const mySkipped = useMemo(() => skippedFor(skipped, buildingId), [skipped, buildingId]);
  const plan = useMemo(() => (terrain ? walkQuestions(terrain, buildingId, mySkipped) : null), [terrain, buildingId, mySkipped]);

  if (isReading(id)) return <p>{t('loading')}</p>;
  const index = terrain ? terrain.buildings.findIndex((b) => b.id === buildingId) : -1;
  if (!terrain || !plan || index < 0) {
    return (
      <section>
        <h1>{t('walkTitle')}</h1>
        <p>{t('terrainNotFound')}</p>
        <Link href={hrefs.list()}>{t('backToList')}</Link>
      </section>
    );
  }
  const building = terrain.buildings[index];
  const next = terrain.buildings[(index + 1) % terrain.buildings.length];
  const counts = new Map<Status, number>();
  for (const m of plan.assessment.measures) if (m.buildingId === buildingId) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const open = plan.questions.filter((q) => !mySkipped.has(q.factId));
  const total = plan.answered.length + plan.questions.length;
  const whole = assessments.current.value;
  const decidedBuildings = whole ? buildingsDecided(whole) : 0;
  const warnings = crossWarnings(building.facts);

  const answer = (q: WalkQuestion, v: FactValue) => {
    if (v === null) setSkipped(withSkipped(skipped, q.scope === 'terrain' ? null : buildingId, q.factId));
    terrains.setFact(id, q.scope === 'terrain' ? null : buildingId, q.factId, v);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.walk-question button, .walk-question input')?.focus());
  };

  return (
    <div class="walk">
      <header class="page-head">
        <h1>
          {building.name || `#${index + 1}`} <span class="unit">— {t('walkTitle')}</span>
        </h1>
      </header>
      <div class="walk-bar" aria-labelledby="walk-progress">
        <p id="walk-progress">
          <strong>{t('walkProgress', { done: plan.answered.length, total })}</strong> · {t('walkTerrainProgress', { done: decidedBuildings, total: terrain.buildings.length })}
        </p>
        <ul class="status-counts" aria-label={t('liveSummary')}>
          {STATUS_ORDER.filter((s) => counts.get(s)).map((s) => (
            <li key={s}>
              <StatusBadge status={s} /> <strong>{counts.get(s)}</strong>
            </li>
          ))}
        </ul>
        <p class="walk-save">{saveStatusText(save.status.value)}</p>
      </div>
      {warnings.length > 0 && (
        <div class="walk-warnings" role="status" aria-labelledby="walk-warnings">
          <h2 id="walk-warnings" class="visually-hidden">
            {t('walkWarnings')}
          </h2>
          {warnings.map((w) => (
            <p key={w.checkId} class="field-warning" data-check={w.checkId}>
              {tx(w.message)}
            </p>
          ))}
        </div>
      )}
      {open.length === 0 ? <p class="notice">{plan.questions.length ? t('walkOnlySkipped') : t('walkDone')}</p> : null}
      <ol class="walk-questions" aria-label={t('walkQuestions')}>
        {(open.length ? open : plan.questions).slice(0, SHOWN).map((q) => (
          <Question key={q.factId} q={q} buildingId={buildingId} onAnswer={(v) => answer(q, v)} />
        ))}
      </ol>
      <div class="card walk-photos">
        <PhotoControls key={buildingId} terrainId={id} buildingId={buildingId} buildingName={building.name || `#${index + 1}`} />
      </div>
      <nav class="actions walk-nav" aria-label={t('walkTitle')}>
        {terrain.buildings.length > 1 && (
          <Link class="button" href={hrefs.walk(id, next.id)}>
            {t('walkNextBuilding')}
          </Link>
        )}
        <Link class="button secondary" href={hrefs.editor(id, `h-${buildingId}`)}>
          {t('walkFullForm')}
        </Link>
        <Link class="button secondary" href={hrefs.assessment(id)}>
          {t('toAssessment')}
        </Link>
      </nav>
    </div>
  );
}
