/** The step plan in required order, by phase, with why a step stands after another (nothing for a step that needs none). */
import type { Assessment, Phase, Terrain } from '../../engine/types';
import { lang, t } from '../../i18n';
import { dataText, SourceList, toolboxIndex } from '../../ui/common';
import { buildingName, measureLabel, stepLabel } from '../../ui/labels';


export function PlanList({ assessment, terrain }: { assessment: Assessment; terrain: Terrain }) {
  if (!assessment.plan.length) return <p>{t('planEmpty')}</p>;
  const phases = [1, 2, 3, 4, 5] as Phase[];
  let number = 0;
  return (
    <div class="plan">
      {phases.map((phase) => {
        const items = assessment.plan.filter((p) => p.phase === phase);
        if (!items.length) return null;
        return (
          <section key={phase} class="phase" aria-labelledby={`phase-${phase}`}>
            <h3 id={`phase-${phase}`}>{t(`phase${phase}` as never)}</h3>
            <ol class="steps" start={number + 1}>
              {items.map((item) => {
                number++;
                const step = toolboxIndex.steps.get(item.stepId);
                return (
                  <li key={item.stepId} class="step" data-step={item.stepId}>
                    <h4 class="step-title">{stepLabel(item.stepId)}</h4>
                    <p>{dataText(step?.description, assessment.assessmentDate)}</p>
                    <p class="muted">
                      <span class="label">{t('forMeasures')}:</span> {item.measureIds.map(measureLabel).join(', ')}
                      {item.buildingIds.length > 0 && ` (${item.buildingIds.map((id) => buildingName(terrain, id)).join(', ')})`}
                    </p>
                    {/* A step that needs no earlier step says nothing here (its place is its phase). */}
                    {item.reasons.length > 0 && (
                      <div class="why">
                        <span class="label">{t('whyHere')}:</span>
                        <ul>
                          {item.reasons.map((r) => (
                            <li key={r.after}>
                              {r.via.length ? t('afterStepVia', { step: stepLabel(r.after), via: r.via.map(stepLabel).join(', ') }) : t('afterStep', { step: stepLabel(r.after) })}:{' '}
                              {lang.value === 'nl' ? r.text : r.textEn}
                              <SourceList ids={r.sourceIds} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
