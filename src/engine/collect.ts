/**
 * What one assessment gathers across its subjects, keyed by slot instead of by name:
 * the steps the going-ahead measures need, the do's and don'ts that apply, and the unknown
 * facts (next questions). Measures are visited in order, each over its buildings, so "the
 * same measure as last time" is enough to list a measure once; buildings are de-duplicated
 * with one mark per (slot, building). Lists keep the order in which things were first met.
 * A measure assessed late (one that reads the grid, after the buildings) is put back in its
 * place: every first meeting is keyed by (subject in toolbox order, call within it), and the
 * lists are sorted by that key once a late subject came (`late`).
 */
import type { AdviceUse } from './program';
import type { Ctx, Run } from './context';
import { adviceApplies, dataText } from './measure';
import type { AdviceResult, NextQuestion, Scope } from './types';

/** A set of small integers, emptied in O(1) by moving on to a new stamp; keeps insertion order. */
export class SlotSet {
  /** The members are slots[0 .. size). */
  readonly slots: number[] = [];
  size = 0;
  readonly #mark: Uint32Array;
  #stamp = 1;

  constructor(capacity: number) {
    this.#mark = new Uint32Array(capacity);
  }

  clear(): void {
    this.#stamp++;
    this.size = 0;
  }

  add(slot: number): void {
    if (this.#mark[slot] === this.#stamp) return;
    this.#mark[slot] = this.#stamp;
    this.slots[this.size++] = slot;
  }
}

/** Who is being assessed now: a measure (by index) and a building (-1: the terrain). */
interface Subject {
  measure: number;
  measureId: string;
  building: number;
  buildingId: string;
  /** Where the subject stands in toolbox order, and a count of the calls made for it: together the key of a first meeting. */
  key: number;
  seq: number;
}

/** Per slot: the measures (each once) and buildings (each once) that met it. */
class Tally {
  readonly measureIds: (string[] | undefined)[];
  readonly buildingIds: (string[] | undefined)[];
  readonly count: Int32Array;
  /** Slots in the order they were first met. */
  readonly order: number[] = [];
  /** Per slot: the key of its first meeting in toolbox order (see Subject.key). */
  readonly firstKey: Float64Array;
  /** Set when a late subject met a slot before its place: `order` and those slots' measure lists (`unsorted`) need sorting. */
  reordered = false;
  readonly unsorted: number[] = [];
  readonly #lastMeasure: Int32Array;
  readonly #buildingMark: Uint8Array;
  readonly #buildings: number;

  constructor(slots: number, buildings: number) {
    this.measureIds = new Array(slots);
    this.buildingIds = new Array(slots);
    this.count = new Int32Array(slots);
    this.firstKey = new Float64Array(slots);
    this.#lastMeasure = new Int32Array(slots).fill(-1);
    this.#buildingMark = new Uint8Array(slots * buildings);
    this.#buildings = buildings;
  }

  /** Counts the subject for a slot; `withBuilding` false leaves the building out. */
  add(slot: number, s: Subject, withBuilding: boolean): void {
    if (slot >= this.count.length) return;
    let measures = this.measureIds[slot];
    const key = s.key * 65536 + s.seq++;
    if (!measures) {
      measures = this.measureIds[slot] = [];
      this.buildingIds[slot] = [];
      const order = this.order;
      if (order.length && key < this.firstKey[order[order.length - 1]]) this.reordered = true;
      order.push(slot);
      this.firstKey[slot] = key;
    } else if (key < this.firstKey[slot]) {
      this.firstKey[slot] = key;
      this.reordered = true;
    }
    this.count[slot]++;
    const last = this.#lastMeasure[slot];
    if (last !== s.measure) {
      if (s.measure < last) this.unsorted.push(slot);
      this.#lastMeasure[slot] = s.measure;
      measures.push(s.measureId);
    }
    if (withBuilding && s.building >= 0) {
      const at = slot * this.#buildings + s.building;
      if (this.#buildingMark[at] === 0) {
        this.#buildingMark[at] = 1;
        this.buildingIds[slot]!.push(s.buildingId);
      }
    }
  }
}

/** Everything an assessment gathers; one instance per assessment. */
export class Collector {
  readonly #subject: Subject = { measure: -1, measureId: '', building: -1, buildingId: '', key: 0, seq: 0 };
  readonly #buildings: number;
  /** Set by `late`: the measures' places, to put a late subject's meetings back in toolbox order. */
  #measureOrder: ReadonlyMap<string, number> | undefined;
  readonly #steps: Tally;
  readonly #dos: Tally;
  readonly #donts: Tally;
  readonly #questions: Tally;
  readonly #dosFirst: (AdviceUse | undefined)[];
  readonly #dontsFirst: (AdviceUse | undefined)[];

  constructor(sizes: { steps: number; dos: number; donts: number; facts: number }, buildings: number) {
    this.#steps = new Tally(sizes.steps, buildings);
    this.#dos = new Tally(sizes.dos, buildings);
    this.#donts = new Tally(sizes.donts, buildings);
    this.#questions = new Tally(sizes.facts, buildings);
    this.#dosFirst = new Array(sizes.dos);
    this.#dontsFirst = new Array(sizes.donts);
    this.#buildings = buildings;
  }

  /** What comes next is assessed out of toolbox order (see the header); `measureOrder` gives each measure's place. */
  late(measureOrder: ReadonlyMap<string, number>): void {
    if (this.#measureOrder) return;
    this.#measureOrder = measureOrder;
  }

  /** The subject of what is added next. */
  subject(measure: number, measureId: string, building: number, buildingId: string | undefined): void {
    const s = this.#subject;
    s.measure = measure;
    s.measureId = measureId;
    s.building = building;
    s.buildingId = buildingId ?? '';
    s.key = measure * (this.#buildings + 1) + building + 1;
    s.seq = 0;
  }

  /** A step the current measure needs (for the current building). */
  step(slot: number): void {
    this.#steps.add(slot, this.#subject, true);
  }

  /** A fact unknown to the current verdict; `buildingScope` facts also name the building. */
  question(slot: number, buildingScope: boolean): void {
    this.#questions.add(slot, this.#subject, buildingScope);
  }

  /** The do's and don'ts of the current measure that apply here. */
  advice(ctx: Ctx, dos: AdviceUse[], donts: AdviceUse[]): void {
    for (const use of dos) if (adviceApplies(ctx, use.when)) this.#adviceHit(this.#dos, this.#dosFirst, use);
    for (const use of donts) if (adviceApplies(ctx, use.when)) this.#adviceHit(this.#donts, this.#dontsFirst, use);
  }

  #adviceHit(tally: Tally, first: (AdviceUse | undefined)[], use: AdviceUse): void {
    const before = tally.measureIds[use.slot] ? tally.firstKey[use.slot] : Infinity;
    tally.add(use.slot, this.#subject, true);
    if (tally.firstKey[use.slot] < before) first[use.slot] = use;
  }

  /** A tally's slots in the order first met, in toolbox order (after a late subject: sorted by key, each slot's measures too). */
  #order(t: Tally): number[] {
    const measureOrder = this.#measureOrder;
    if (!measureOrder) return t.order;
    const at = (id: string) => measureOrder.get(id) ?? 0;
    for (const slot of t.unsorted) t.measureIds[slot]!.sort((a, b) => at(a) - at(b));
    t.unsorted.length = 0;
    return t.reordered ? t.order.slice().sort((a, b) => t.firstKey[a] - t.firstKey[b]) : t.order;
  }

  /** The needed step slots, each with the measures (sorted) and buildings that need it. */
  steps(): { slot: number; measureIds: string[]; buildingIds: string[] }[] {
    const t = this.#steps;
    return this.#order(t).map((slot) => ({ slot, measureIds: t.measureIds[slot]!.slice().sort(), buildingIds: t.buildingIds[slot]! }));
  }

  dos(run: Run): AdviceResult[] {
    return adviceList(run, this.#dos, this.#dosFirst, this.#order(this.#dos));
  }

  donts(run: Run): AdviceResult[] {
    return adviceList(run, this.#donts, this.#dontsFirst, this.#order(this.#donts));
  }

  /** The unknown facts that would decide the most verdicts, most decisive first (then in catalogue order). */
  nextQuestions(factIdOf: (slot: number) => string, scopeOf: (slot: number) => Scope, orderOf: (slot: number) => number): NextQuestion[] {
    const t = this.#questions;
    return this.#order(t)
      .slice()
      .sort((a, b) => t.count[b] - t.count[a] || orderOf(a) - orderOf(b))
      .map((slot) => ({ factId: factIdOf(slot), scope: scopeOf(slot), buildingIds: t.buildingIds[slot]!, measureIds: t.measureIds[slot]!, count: t.count[slot] }));
  }
}

function adviceList(run: Run, t: Tally, first: (AdviceUse | undefined)[], order: number[]): AdviceResult[] {
  return order.map((slot) => {
    const use = first[slot]!;
    const item = use.item;
    return { id: item.id, text: dataText(run, use.text, 'nl'), textEn: dataText(run, use.text, 'en'), measureIds: t.measureIds[slot]!, buildingIds: t.buildingIds[slot]!, sourceIds: item.sources.slice() };
  });
}
