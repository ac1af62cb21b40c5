/**
 * The unknown facts that decide the most verdicts: a terrain fact is a link to its field, a
 * building fact one link per building it is unknown for (to that building's field).
 */
import { hrefs } from '../../state';
import type { Assessment, Terrain } from '../../engine/types';
import { t, tx } from '../../i18n';
import { Link, toolboxIndex } from '../../ui/common';
import { fieldDomId } from './FactField';
import { buildingName } from '../../ui/labels';

/** Building links per question; the rest is counted. */
const MAX_BUILDINGS = 6;

export function NextQuestions({ assessment, terrain, limit = 6 }: { assessment: Assessment; terrain: Terrain; limit?: number }) {
  const questions = assessment.nextQuestions.slice(0, limit);
  if (!questions.length) return <p>{t('noNextQuestions')}</p>;
  return (
    <>
      <p>{t('nextQuestionsIntro')}</p>
      <ol class="next-questions">
        {questions.map((q) => {
          const fact = toolboxIndex.facts.get(q.factId);
          const label = fact ? tx(fact.label) : q.factId;
          const ids = q.scope === 'building' ? q.buildingIds : [];
          return (
            <li key={q.factId}>
              {q.scope === 'building' ? (
                <>
                  {label}:{' '}
                  {ids.slice(0, MAX_BUILDINGS).map((id, i) => {
                    const name = buildingName(terrain, id);
                    return (
                      <span key={id}>
                        {i > 0 && ', '}
                        <Link href={hrefs.editor(terrain.id, fieldDomId(id, q.factId))} aria-label={`${label} — ${name}`}>
                          {name}
                        </Link>
                      </span>
                    );
                  })}
                  {ids.length > MAX_BUILDINGS && <span class="muted"> {t('nextQuestionMore', { n: ids.length - MAX_BUILDINGS })}</span>}
                </>
              ) : (
                <Link href={hrefs.editor(terrain.id, fieldDomId('terrain', q.factId))}>{label}</Link>
              )}
              <span class="muted"> ({t('nextQuestionDecides', { n: q.count })})</span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
