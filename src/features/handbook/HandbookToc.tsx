/**
 * The handbook's table of contents: a link to each measure shown and to each section (steps,
 * numbers, sources, the kinds of source). A link moves the view and the keyboard focus to its
 * section, without a history entry of its own (the handbook stays one page for Back).
 */
import type { Measure } from '../../engine/types';
import { t, tx } from '../../i18n';

/** The section ids the contents link to; each section's heading carries its id. */
export const HANDBOOK_SECTIONS = { measures: 'hb-measures', eml: 'hb-eml', steps: 'hb-steps', params: 'hb-params', sources: 'hb-sources', kinds: 'hb-kinds' } as const;
export const measureAnchor = (id: string): string => `hb-${id}`;

/** Scrolls to the link's target and gives it the focus, so Tab goes on from there. */
function jump(event: MouseEvent): void {
  const a = event.currentTarget as HTMLAnchorElement;
  const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
  if (!target || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

const Item = ({ id, label }: { id: string; label: string }) => (
  <a href={`#${id}`} onClick={jump}>
    {label}
  </a>
);

export function HandbookToc({ measures, eml, steps, params, sources }: { measures: Measure[]; eml: boolean; steps: boolean; params: boolean; sources: boolean }) {
  return (
    <nav class="handbook-toc no-print" aria-labelledby="hb-toc">
      <h2 id="hb-toc">{t('handbookToc')}</h2>
      <ol>
        {measures.length > 0 && (
          <li>
            <Item id={HANDBOOK_SECTIONS.measures} label={t('handbookMeasures')} />
            <ol class="handbook-toc-measures">
              {measures.map((m) => (
                <li key={m.id}>
                  <Item id={measureAnchor(m.id)} label={tx(m.label)} />
                </li>
              ))}
            </ol>
          </li>
        )}
        {eml && (
          <li>
            <Item id={HANDBOOK_SECTIONS.eml} label={t('emlTitle')} />
          </li>
        )}
        {steps && (
          <li>
            <Item id={HANDBOOK_SECTIONS.steps} label={t('handbookSteps')} />
          </li>
        )}
        {params && (
          <li>
            <Item id={HANDBOOK_SECTIONS.params} label={t('handbookParameters')} />
          </li>
        )}
        {sources && (
          <li>
            <Item id={HANDBOOK_SECTIONS.sources} label={t('handbookSources')} />
          </li>
        )}
        <li>
          <Item id={HANDBOOK_SECTIONS.kinds} label={t('handbookKinds')} />
        </li>
      </ol>
    </nav>
  );
}
