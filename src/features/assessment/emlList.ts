/**
 * The EML checklist of one building as the views show it (assessment, report): its items by
 * category in the list's order, the counts in the order that matters on a visit (to do, to ask,
 * done, not applicable), and the codes per status. Pure: it reads the toolbox's list and the
 * engine's result.
 */
import type { EmlChecklist, EmlData, EmlItem, EmlItemResult, EmlStatus, Text } from '../../engine/types';

export const EML_STATUS_ORDER: readonly EmlStatus[] = ['applies', 'unknown', 'done', 'not-applicable'];

export interface EmlRow {
  item: EmlItem;
  result: EmlItemResult;
}

export interface EmlGroup {
  id: string;
  label: Text;
  rows: EmlRow[];
}

/** The items by category, categories and items in the list's order; a category without items is left out. */
export function emlGroups(data: EmlData, list: EmlChecklist): EmlGroup[] {
  const byCode = new Map(list.items.map((r) => [r.code, r]));
  return data.categories
    .map((c) => ({ id: c.id, label: c.label, rows: data.items.filter((i) => i.category === c.id && byCode.has(i.code)).map((item) => ({ item, result: byCode.get(item.code)! })) }))
    .filter((g) => g.rows.length > 0);
}

/** The counts that are not zero, in visit order. */
export function emlCounts(list: EmlChecklist): { status: EmlStatus; n: number }[] {
  return EML_STATUS_ORDER.filter((s) => list.counts[s] > 0).map((status) => ({ status, n: list.counts[status] }));
}

/** The codes of the items with a status, in the list's order. */
export function emlCodes(list: EmlChecklist, status: EmlStatus): string[] {
  return list.items.filter((r) => r.status === status).map((r) => r.code);
}
