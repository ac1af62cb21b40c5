/**
 * Numbers for names: every fact id, parameter id and calc id the engine meets gets a small
 * integer once, so the hot path reads arrays instead of looking strings up in maps. The
 * tables only grow; a slot means the same name for the life of the module.
 */

function table(): { slot: (id: string) => number; size: () => number; name: (slot: number) => string } {
  const slots = new Map<string, number>();
  const names: string[] = [];
  return {
    slot(id) {
      let n = slots.get(id);
      if (n === undefined) {
        n = names.length;
        slots.set(id, n);
        names.push(id);
      }
      return n;
    },
    size: () => names.length,
    name: (slot) => names[slot],
  };
}

const facts = table();
const params = table();

/** The slot of a fact id (facts of every toolbox share one numbering). */
export const factSlot = facts.slot;
/** The fact id of a slot. */
export const factIdOf = facts.name;
/** How many fact slots exist now. */
export const factSlotCount = facts.size;
/** The slot of a parameter id. */
export const paramSlot = params.slot;
/** How many parameter slots exist now. */
export const paramSlotCount = params.size;
