/**
 * Reads an export file's JSON text in chunks, without holding the whole file: it walks the
 * envelope object itself (keys, colons, commas, the `terrains` and `photos` arrays) and hands
 * every member value, every terrain and every photo over as soon as it is complete, each parsed
 * by JSON.parse on its own text. So a province of 30 MB (and its photos) is never one string,
 * and a terrain is checked while the next one is still being read. What it accepts is exactly what JSON.parse accepts, with one
 * exception: a top-level key written twice is refused (JSON.parse would silently keep the last).
 * Nesting deeper than LIMITS.maxDepth is refused while reading, before anything is parsed.
 * A value that is not an object at the top is read whole and handed over as `whole`.
 * Pure: no DOM, no database. Its messages are src/storage/messages.ts's.
 */
import type { Text } from '../engine/types';
import { LIMITS } from './envelope';
import { importMessages, nothingChanged } from './messages';

/** The envelope's arrays read item by item. */
export type StreamedList = 'terrains' | 'photos';
const STREAMED: readonly string[] = ['terrains', 'photos'] satisfies StreamedList[];

export interface ScanHandler {
  /** A member of the envelope other than a streamed array (a non-array `terrains` or `photos` comes here too). */
  member(key: string, value: unknown): Text | null;
  /** A streamed array begins. */
  listStart(list: StreamedList): Text | null;
  /** One item of a streamed array, in file order. */
  item(list: StreamedList, index: number, value: unknown): Text | null;
  /** The file's top-level value when it is not an object. */
  whole(value: unknown): Text | null;
}

type State = 'start' | 'firstKey' | 'key' | 'colon' | 'value' | 'afterMember' | 'firstItem' | 'item' | 'afterItem' | 'capture' | 'done' | 'whole';
type Target = 'member' | 'item' | 'whole';

const WS = new Set([' ', '\t', '\n', '\r']);
const DELIMITERS = new Set([',', '}', ']', ' ', '\t', '\n', '\r']);
const [QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = ['"', '\\', '{', '}', '[', ']'].map((c) => c.charCodeAt(0));

const depthMessage = (): Text =>
  nothingChanged(`De gegevens zijn dieper genest dan een exportbestand ooit is (meer dan ${LIMITS.maxDepth} niveaus).`, `The data is nested deeper than an export file ever is (more than ${LIMITS.maxDepth} levels).`);
const twice = (key: string): Text =>
  nothingChanged(`Het veld "${key.slice(0, 60)}" staat meer dan eens in het bestand.`, `The field "${key.slice(0, 60)}" occurs more than once in the file.`);

export class EnvelopeScanner {
  private state: State = 'start';
  private afterCapture: State = 'afterMember';
  private target: Target = 'member';
  private key = '';
  private readonly keys = new Set<string>();
  private list: StreamedList = 'terrains';
  private itemIndex = 0;
  /** Characters in `parts`. */
  private partsLength = 0;
  private first = true;
  /** Where the capture in this chunk began (0 when it began in an earlier chunk). */
  private from = 0;
  // the value being captured
  private parts: string[] = [];
  private kind: 'container' | 'string' | 'primitive' | 'key' = 'container';
  private depth = 0;
  private baseDepth = 0;
  private inString = false;
  private escaped = false;
  private failure: Text | null = null;

  constructor(private readonly handler: ScanHandler) {}

  /** The characters read so far of a photo not yet complete (0 when none is being read). */
  get pendingPhotoChars(): number {
    return this.state === 'capture' && this.target === 'item' && this.list === 'photos' ? this.partsLength : 0;
  }

  /** The first refusal, once there is one (reading more changes nothing then). */
  get rejected(): Text | null {
    return this.failure;
  }

  /** Reads the next piece of the text; returns the refusal when there is one. */
  feed(chunk: string): Text | null {
    if (this.failure) return this.failure;
    let i = 0;
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    while (i < chunk.length && !this.failure) i = this.step(chunk, i);
    if (this.state === 'capture' || this.state === 'whole') this.push(chunk.slice(this.from));
    this.from = 0;
    return this.failure;
  }

  /** The end of the file: anything unfinished is not JSON. */
  end(): Text | null {
    if (this.failure) return this.failure;
    if (this.state === 'whole') {
      const value = this.parse(this.parts.join(''));
      this.restart();
      if (this.failure) return this.failure;
      return this.fail(this.handler.whole(value));
    }
    if (this.state !== 'done') return this.fail(importMessages.notJson());
    return null;
  }


  private push(text: string): void {
    this.parts.push(text);
    this.partsLength += text.length;
  }

  private restart(): void {
    this.parts = [];
    this.partsLength = 0;
  }

  private fail(message: Text | null): Text | null {
    if (message && !this.failure) this.failure = message;
    return this.failure;
  }

  private begin(chunk: string, i: number, target: Target, baseDepth: number, after: State): number {
    const c = chunk[i];
    if (c === ',' || c === '}' || c === ']' || c === ':') {
      this.fail(importMessages.notJson());
      return i + 1;
    }
    this.state = 'capture';
    this.target = target;
    this.afterCapture = after;
    this.restart();
    this.from = i;
    this.baseDepth = baseDepth;
    this.inString = false;
    this.escaped = false;
    if (c === '{' || c === '[') {
      this.kind = 'container';
      this.depth = 0;
      return this.open(i);
    }
    if (c === '"') {
      this.kind = 'string';
      this.inString = true;
      return i + 1;
    }
    this.kind = 'primitive';
    return i + 1;
  }

  private open(i: number): number {
    this.depth++;
    // Containers around this one: the envelope, (the terrains array,) and the enclosing ones of this value.
    if (this.baseDepth + this.depth - 1 >= LIMITS.maxDepth) this.fail(depthMessage());
    return i + 1;
  }

  /** A captured value is complete at `end` (exclusive) of this chunk. */
  private complete(chunk: string, end: number): Text | null {
    this.push(chunk.slice(this.from, end));
    const text = this.parts.join('');
    this.restart();
    const value = this.parse(text);
    if (this.failure) return this.failure;
    this.state = this.afterCapture;
    if (this.kind === 'key') {
      const key = value as string;
      if (this.keys.has(key)) return this.fail(twice(key));
      this.keys.add(key);
      this.key = key;
      return null;
    }
    if (this.target === 'member') return this.fail(this.handler.member(this.key, value));
    if (this.target === 'item') return this.fail(this.handler.item(this.list, this.itemIndex++, value));
    return this.fail(this.handler.whole(value));
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      this.fail(importMessages.notJson());
      return undefined;
    }
  }

  /** Handles the text from `i`; returns where to go on. */
  private step(chunk: string, i: number): number {
    const c = chunk[i];
    switch (this.state) {
      case 'capture':
        return this.scanCapture(chunk, i);
      case 'whole':
        return chunk.length;
      case 'start':
        if (WS.has(c)) return i + 1;
        if (c === '{') {
          this.state = 'firstKey';
          return i + 1;
        }
        // Not an object: read it whole (the size limit bounds it) and let JSON.parse judge it.
        this.state = 'whole';
        this.from = i;
        this.restart();
        return chunk.length;
      case 'firstKey':
      case 'key':
        if (WS.has(c)) return i + 1;
        if (c === '}' && this.state === 'firstKey') {
          this.state = 'done';
          return i + 1;
        }
        if (c !== '"') {
          this.fail(importMessages.notJson());
          return i + 1;
        }
        this.state = 'capture';
        this.kind = 'key';
        this.target = 'member';
        this.afterCapture = 'colon';
        this.restart();
        this.from = i;
        this.inString = true;
        this.escaped = false;
        return i + 1;
      case 'colon':
        if (WS.has(c)) return i + 1;
        if (c !== ':') {
          this.fail(importMessages.notJson());
          return i + 1;
        }
        this.state = 'value';
        return i + 1;
      case 'value':
        if (WS.has(c)) return i + 1;
        if (STREAMED.includes(this.key) && c === '[') {
          this.state = 'firstItem';
          this.list = this.key as StreamedList;
          this.itemIndex = 0;
          this.fail(this.handler.listStart(this.list));
          return i + 1;
        }
        return this.begin(chunk, i, 'member', 1, 'afterMember');
      case 'afterMember':
        return WS.has(c) ? i + 1 : this.separator(c, i, '}', 'key', 'done');
      case 'firstItem':
      case 'item':
        if (WS.has(c)) return i + 1;
        if (c === ']' && this.state === 'firstItem') {
          this.state = 'afterMember';
          return i + 1;
        }
        return this.begin(chunk, i, 'item', 2, 'afterItem');
      case 'afterItem':
        return WS.has(c) ? i + 1 : this.separator(c, i, ']', 'item', 'afterMember');
      case 'done':
        if (!WS.has(c)) this.fail(importMessages.notJson());
        return i + 1;
    }
  }

  /** After a member or an item: a comma goes on to `next`, the container's `closer` to `closed`; anything else is not JSON. */
  private separator(c: string, i: number, closer: string, next: State, closed: State): number {
    if (c === ',') this.state = next;
    else if (c === closer) this.state = closed;
    else this.fail(importMessages.notJson());
    return i + 1;
  }

  /** Inside a value being captured: follows strings and brackets until the value ends. */
  private scanCapture(chunk: string, i: number): number {
    if (this.kind === 'primitive') {
      while (i < chunk.length && !DELIMITERS.has(chunk[i])) i++;
      if (i < chunk.length) {
        // The delimiter belongs to what follows the value.
        this.complete(chunk, i);
        return i;
      }
      return i;
    }
    // A plain loop over char codes: faster here than regular expressions or indexOf (short gaps).
    const n = chunk.length;
    while (i < n) {
      const c = chunk.charCodeAt(i++);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.kind !== 'container') {
            this.complete(chunk, i);
            return i;
          }
        }
      } else if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.open(i);
        if (this.failure) return i;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--this.depth === 0) {
          this.complete(chunk, i);
          return i;
        }
      }
    }
    return i;
  }
}
