/**
 * A fold of a building's fields (<details>) whose fields enter the page only when it is first
 * opened. A 50-building editor then holds the fields of its open folds, about a third of them,
 * which keeps each keystroke's frame small (style, paint and the browser's own bookkeeping of
 * form fields grow with every field in the page). Once opened the fields stay, also when it is
 * closed again, so text typed in them (a value not stored, with its message) is not lost.
 * `groupDomId` names the fold, so a link to a field in it can open it first (`openFieldGroup`).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { toolboxIndex } from '../../ui/common';

export const groupDomId = (scopeId: string, groupId: string): string => `g-${scopeId}-${groupId}`;

export function LazyGroup({ id, label, open, children }: { id: string; label: string; open: boolean; children: () => ComponentChildren }) {
  const [filled, setFilled] = useState(open);
  return (
    <details id={id} class="fact-group" open={open} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setFilled(true)}>
      <summary>{label}</summary>
      {filled && children()}
    </details>
  );
}

/** Opens the fold that holds the fact field with this DOM id (`f-<scope>-<fact>`, see fieldDomId); false when there is none. */
export function openFieldGroup(fieldId: string): boolean {
  const cut = fieldId.lastIndexOf('-');
  const group = toolboxIndex.facts.get(fieldId.slice(cut + 1))?.group;
  const details = group ? document.getElementById(groupDomId(fieldId.slice(2, cut), group)) : null;
  if (!(details instanceof HTMLDetailsElement)) return false;
  details.open = true;
  return true;
}
