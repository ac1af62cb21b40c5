/** The unknown facts that decide the most verdicts, each a link to its field. */
import { hrefs } from '../../state';
import type { Assessment, Terrain } from '../../engine/types';
import { t, tx } from '../../i18n';
import { Link, toolboxIndex } from '../../ui/common';
import { fieldDomId } from './FactField';
import { buildingName } from '../../ui/labels';

export function NextQuestions({ assessment, terrain, limit = 6 }: { assessment: Assessment; terrain: Terrain; limit?: number }) {
  const questions = assessment.nextQuestions.slice(0, limit);
  if (!questions.length) return <p>{t('noNextQuestions')}</p>;
  return (
    <>
      <p>{t('nextQuestionsIntro')}</p>
      <ol class="next-questions">
        {questions.map((q) => {
          const fact = toolboxIndex.facts.get(q.factId);
          const target = q.scope === 'building' ? (q.buildingIds[0] ?? '') : 'terrain';
          return (
            <li key={q.factId}>
              <Link href={hrefs.editor(terrain.id, fieldDomId(target, q.factId))}>{fact ? tx(fact.label) : q.factId}</Link>
              {q.scope === 'building' && q.buildingIds.length > 0 && <span class="muted"> — {q.buildingIds.map((id) => buildingName(terrain, id)).join(', ')}</span>}
              <span class="muted"> ({t('nextQuestionDecides', { n: q.count })})</span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
