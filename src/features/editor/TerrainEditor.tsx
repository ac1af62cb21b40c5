/**
 * The terrain editor: the terrain record, terrain facts and buildings, all fields
 * generated from the fact catalogue, with a live summary and the next questions. A link to a
 * field (also the same one twice) opens its group and focuses it; a building's name stays in
 * view while its card is; a deleted building can be brought back where it stood. A card can
 * copy another building's facts, give one answer to all buildings, and shows cross-field warnings.
 * A card hides the questions that cannot matter for its building (`relevantFacts`) unless they
 * hold a value or an error; "Toon alle vragen" (a checkbox read by CSS, no state) shows them.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { bundledToolbox, crossWarnings } from '../../engine';
import { factsReadBy, relevantFacts } from '../../engine/questions';
import type { Building, Fact, FactGroup, FactValue, Scope } from '../../engine/types';
import { t, tx } from '../../i18n';
import { assessment as assessments, hrefs, route, terrains } from '../../state';
import { Link, StatusBadge, toolboxIndex } from '../../ui/common';
import { FactField, fieldDomId } from './FactField';
import { NextQuestions } from './NextQuestions';
import { AnswerForAll, CopyFromBuilding, type Roster } from './BulkEdits';
import { SurveyFields } from './SurveyFields';
import { LocationFields } from './LocationFields';
import { OwnValuesForm } from './OwnValues';
import { groupDomId, LazyGroup, openFieldGroup } from './LazyGroup';
import { TextField } from '../../ui/TextField';
import { isReading } from '../../ui/TerrainGate';
import type { StoredTerrain } from '../../state';
import type { Status } from '../../engine/types';
import { STATUS_ORDER } from '../../ui/labels';

const groupsOf = (scope: Scope): { group: FactGroup; facts: Fact[] }[] =>
  toolboxIndex.toolbox.factGroups
    .filter((g) => g.scope === scope)
    .map((group) => ({ group, facts: toolboxIndex.toolbox.facts.filter((f) => f.scope === scope && f.group === group.id) }))
    .filter((g) => g.facts.length > 0);

const terrainGroups = groupsOf('terrain');
const buildingGroups = groupsOf('building');
/** Facts some measure reads: only these can be hidden (one no measure reads describes the building and always shows). */
const readByMeasures = new Set([...factsReadBy(bundledToolbox).values()].flatMap((s) => [...s]));
const { addBuilding, duplicateBuilding, removeBuilding, setBuildingName, setFact, setTerrainField } = terrains;

interface FieldHandlers {
  onChange(value: FactValue, fact: Fact): void;
  action(fact: Fact, value: unknown): ComponentChildren;
}
/**
 * The handlers of the fact fields of a terrain (buildingId null) or of one building: the same pair
 * for the same ids all session, so a field whose value did not change gets the same props and is
 * skipped (a new closure per render would re-render every field of the card on each keystroke).
 */
const handlers = new Map<string, FieldHandlers>();
function handlersOf(terrainId: string, buildingId: string | null): FieldHandlers {
  const key = `${terrainId}\u0000${buildingId ?? ''}`;
  let h = handlers.get(key);
  if (!h) {
    h = {
      onChange: (value, fact) => setFact(terrainId, buildingId, fact.id, value),
      action: (fact, value) => <AnswerForAll terrainId={terrainId} fact={fact} value={value} />,
    };
    handlers.set(key, h);
  }
  return h;
}

/**
 * Opens any closed <details> around a field (and shows all questions when it is a hidden one), scrolls to it and focuses it.
 * A field of a fold not opened yet is not in the page: the fold is opened, and the field focused once it is rendered.
 */
function focusField(domId: string, frames = 10): void {
  const el = document.getElementById(domId);
  if (!el) {
    if (frames > 0 && openFieldGroup(domId)) requestAnimationFrame(() => focusField(domId, frames - 1));
    return;
  }
  const showAll = el.closest('.fact-irrelevant') && el.closest('.building')?.querySelector<HTMLInputElement>('.show-all');
  if (showAll) showAll.checked = true;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  el.scrollIntoView({ block: 'center' });
  (el as HTMLElement).focus();
}

/**
 * One building's card. An edit replaces only the edited building object, and a component
 * that reads signals is skipped by @preact/signals when its props are the same (shallow):
 * typing in one of 50 buildings re-renders that card, not all 50, and in the card only the
 * field typed in (the others get the same props). Keep this and TerrainSection free of
 * useState (hook state turns that skip off) and their props plain values.
 */
function BuildingCard({ terrainId, terrainFacts, date, building: b, index, roster }: { terrainId: string; terrainFacts: Record<string, unknown>; date?: string; building: Building; index: number; roster: Roster }) {
  const warnings = new Map(crossWarnings(b.facts).map((w) => [w.factId, tx(w.message)]));
  const several = roster.length > 1;
  const relevant = relevantFacts({ id: terrainId, name: '', facts: terrainFacts, assessmentDate: date, buildings: [b] }, b.id);
  const shown = (fact: Fact): boolean => relevant.has(fact.id) || b.facts[fact.id] !== undefined || !readByMeasures.has(fact.id);
  const hidden = buildingGroups.reduce((n, g) => n + g.facts.filter((f) => !shown(f)).length, 0);
  const h = handlersOf(terrainId, b.id);
  return (
    <section class="card building" aria-labelledby={`h-${b.id}`}>
      <h3 class="building-name" id={`h-${b.id}`}>
        {b.name || `#${index + 1}`}
      </h3>
      <div class="actions">
        <Link class="button" href={hrefs.walk(terrainId, b.id)}>
          {t('walkBuilding')}
        </Link>
          <button type="button" class="secondary" onClick={() => duplicateBuilding(terrainId, b.id, t('copySuffix'))}>
            {t('duplicateBuilding')}
          </button>
          <button
            type="button"
            class="danger"
            onClick={() => {
              if (confirm(t('confirmRemoveBuilding', { name: b.name }))) removeBuilding(terrainId, b.id);
            }}
          >
            {t('removeBuilding')}
          </button>
      </div>
      <TextField id={`name-${b.id}`} label={t('buildingName')} value={b.name} check={(v) => (v.trim() ? null : t('nameRequired'))} onCommit={(v) => setBuildingName(terrainId, b.id, v)} />
      {several && <CopyFromBuilding terrainId={terrainId} buildingId={b.id} roster={roster} />}
      {hidden > 0 && (
        <p class="show-all-switch">
          <input type="checkbox" class="show-all" id={`all-${b.id}`} />
          <label for={`all-${b.id}`}>{t('showAllQuestions', { n: hidden })}</label>
        </p>
      )}
      {buildingGroups.map(({ group, facts }, gi) => (
        <LazyGroup key={group.id} id={groupDomId(b.id, group.id)} label={tx(group.label)} open={gi === 0}>
          {() => (
            <div class="grid">
              {facts.map((fact) => (
                <div key={fact.id} class={shown(fact) ? 'fact-slot' : 'fact-slot fact-irrelevant'}>
                  <FactField
                    fact={fact}
                    value={b.facts[fact.id]}
                    fieldId={fieldDomId(b.id, fact.id)}
                    onChange={h.onChange}
                    warning={warnings.get(fact.id)}
                    action={several ? h.action : undefined}
                  />
                </div>
              ))}
            </div>
          )}
        </LazyGroup>
      ))}
      <SurveyFields terrainId={terrainId} building={b} />
      <LocationFields terrainId={terrainId} building={b} />
    </section>
  );
}

/** The buildings' ids and names, the same array until one of them changes (so typing a fact re-renders one card). */
function useRoster(buildings: readonly Building[]): Roster {
  const key = buildings.map((b) => `${b.id}\u0000${b.name}`).join('\u0001');
  return useMemo(() => buildings.map((b) => ({ id: b.id, name: b.name || b.id })), [key]);
}

/** "Gebouw … verwijderd. Ongedaan maken", where the building stood; takes the focus its delete button had. */
function UndoRemoveBuilding({ name }: { name: string }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div class="notice" role="status">
      {t('buildingDeleted', { name })}{' '}
      <button type="button" class="secondary" ref={button} onClick={() => terrains.undoRemoveBuilding()}>
        {t('undo')}
      </button>
    </div>
  );
}

/**
 * The outcome so far and the next questions: from the settled assessment, so it is brought up to
 * date after the frame of a keystroke, re-rendering only this panel.
 */
function LiveSummary() {
  const { terrain, assessment } = assessments.settled.value ?? {};
  const counts = new Map<Status, number>();
  for (const m of assessment?.measures ?? []) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  return (
    <aside class="live-summary" aria-labelledby="live-summary-title">
      <h2 id="live-summary-title">{t('liveSummary')}</h2>
      <ul class="status-counts" aria-live="polite">
        {STATUS_ORDER.filter((s) => counts.get(s)).map((s) => (
          <li key={s}>
            <StatusBadge status={s} /> <strong>{counts.get(s)}</strong>
          </li>
        ))}
      </ul>
      <h3>{t('nextQuestions')}</h3>
      {assessment && terrain && <NextQuestions assessment={assessment} terrain={terrain} limit={5} />}
    </aside>
  );
}

/** The terrain's own fields: the record, the terrain facts, the own values. Its props are those parts, so a building's edit (a new terrain, the same parts) skips it. */
function TerrainSection({ id, name, municipality, postcode4, assessmentDate, values, overrides }: Pick<StoredTerrain, 'id' | 'name' | 'municipality' | 'postcode4' | 'assessmentDate'> & { values: StoredTerrain['facts']; overrides: StoredTerrain['parameterOverrides'] }) {
  const terrainFields = handlersOf(id, null);
  return (
    <section class="card" aria-labelledby="terrain-section">
      <h2 id="terrain-section">{t('terrainSection')}</h2>
      <div class="grid">
        <TextField id="terrain-name" label={t('fieldName')} value={name} check={(v) => (v.trim() ? null : t('nameRequired'))} onCommit={(v) => setTerrainField(id, 'name', v)} />
        <TextField id="terrain-municipality" label={t('fieldMunicipality')} value={municipality ?? ''} onCommit={(v) => setTerrainField(id, 'municipality', v)} />
        <TextField
          id="terrain-postcode"
          label={t('fieldPostcode')}
          value={postcode4 ?? ''}
          inputMode="numeric"
          check={(v) => (v === '' || /^\d{4}$/.test(v.trim()) ? null : t('postcodeInvalid'))}
          onCommit={(v) => setTerrainField(id, 'postcode4', v.trim())}
        />
        <TextField
          id="terrain-date"
          type="date"
          label={t('fieldDate')}
          help={t('fieldDateHelp')}
          value={assessmentDate ?? ''}
          check={(v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('dateInvalid'))}
          onCommit={(v) => setTerrainField(id, 'assessmentDate', v)}
        />
      </div>
      {terrainGroups.map(({ group, facts }) => (
        <details key={group.id} class="fact-group" open>
          <summary>{tx(group.label)}</summary>
          <div class="grid">
            {facts.map((fact) => (
              <FactField key={fact.id} fact={fact} value={values[fact.id]} fieldId={fieldDomId('terrain', fact.id)} onChange={terrainFields.onChange} />
            ))}
          </div>
        </details>
      ))}
      <OwnValuesForm terrainId={id} overrides={overrides} date={assessmentDate} />
    </section>
  );
}

export function TerrainEditor({ id, focus }: { id: string; focus?: string }) {
  const terrain = terrains.byId.value.get(id);
  const visit = route.visits.value;
  useEffect(() => {
    if (focus && terrain) requestAnimationFrame(() => focusField(focus));
  }, [focus, !!terrain, visit]);

  if (isReading(id)) return <p>{t('loading')}</p>;
  if (!terrain) {
    return (
      <section>
        <h1>{t('editorTitle')}</h1>
        <p>{t('terrainNotFound')}</p>
        <Link href={hrefs.list()}>{t('backToList')}</Link>
      </section>
    );
  }
  const removed = terrains.lastRemovedBuilding.value;
  const roster = useRoster(terrain.buildings);
  const cards = terrain.buildings.map((b, index) => <BuildingCard key={b.id} terrainId={id} terrainFacts={terrain.facts} date={terrain.assessmentDate} building={b} index={index} roster={roster} />);
  if (removed?.terrainId === id) cards.splice(Math.min(removed.index, cards.length), 0, <UndoRemoveBuilding key="undo-remove-building" name={removed.building.name} />);

  return (
    <div class="editor">
      <header class="page-head">
        <h1>{terrain.name || t('editorTitle')}</h1>
        <nav class="actions" aria-label={t('editorTitle')}>
          <Link class="button" href={hrefs.assessment(id)}>
            {t('toAssessment')}
          </Link>
          {terrain.buildings[0] && (
            <Link class="button secondary" href={hrefs.walk(id, terrain.buildings[0].id)}>
              {t('walkStart')}
            </Link>
          )}
          <Link class="button secondary" href={hrefs.report(id)}>
            {t('report')}
          </Link>
          <Link class="button secondary" href={hrefs.import(id)}>{t('importButton')}</Link>
        </nav>
      </header>

      <div class="editor-layout">
        <LiveSummary />

        <div class="editor-form">
          <TerrainSection
            id={id}
            name={terrain.name}
            municipality={terrain.municipality}
            postcode4={terrain.postcode4}
            assessmentDate={terrain.assessmentDate}
            values={terrain.facts}
            overrides={terrain.parameterOverrides}
          />

          <section aria-labelledby="buildings-section">
            <h2 id="buildings-section">{t('buildingsSection')}</h2>
            {cards}
            <button
              type="button"
              onClick={() => {
                const newId = addBuilding(id);
                requestAnimationFrame(() => document.getElementById(`name-${newId}`)?.focus());
              }}
            >
              {t('addBuilding')}
            </button>
          </section>
        </div>
      </div>
    </div>
  );
}
