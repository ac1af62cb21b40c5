/**
 * The importer's messages, in Dutch and English: every rejection says where (terrain,
 * building, field) and what, and ends by saying that nothing changed. The names of record
 * fields (`x-label`) and what a pattern wants (`x-invalid`) come from the schemas, so a
 * field added to terrain.schema.json is named in messages without a change here.
 */
import commonSchema from '../../toolbox-data/schema/common.schema.json';
import exportSchema from '../../toolbox-data/schema/export.schema.json';
import terrainSchema from '../../toolbox-data/schema/terrain.schema.json';
import type { Text } from '../engine/types';
import { LIMITS, type Envelope } from './envelope';

/** Every node of these schemas, depth first. */
function schemaNodes(...roots: unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const stack = [...roots];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (isPlainObject(node)) {
      out.push(node);
      stack.push(...Object.values(node));
    }
  }
  return out;
}

const ALL_NODES = schemaNodes(exportSchema, terrainSchema, commonSchema);

/** Field name → its label: every `x-label` of a property in the schemas (the data tests check one key has one label). */
export const FIELD_NAMES: Readonly<Record<string, Text>> = Object.fromEntries(
  ALL_NODES.flatMap((node) =>
    isPlainObject(node.properties)
      ? Object.entries(node.properties).flatMap(([key, prop]) => (isPlainObject(prop) && prop['x-label'] ? [[key, prop['x-label'] as Text]] : []))
      : [],
  ),
);

/** Pattern → what it wants: every `x-invalid` beside a `pattern` in the schemas. */
const PATTERN_TEXT = new Map<string, Text>(ALL_NODES.flatMap((node) => (typeof node.pattern === 'string' && node['x-invalid'] ? [[node.pattern, node['x-invalid'] as Text]] : [])));

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  propertyName?: string;
}

const TYPE_NAMES: Record<string, Text> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  integer: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'ja of nee (true/false)', en: 'yes or no (true/false)' },
  object: { nl: 'een object { … }', en: 'an object { … }' },
  array: { nl: 'een lijst [ … ]', en: 'a list [ … ]' },
  null: { nl: 'leeg (null)', en: 'empty (null)' },
};

/** Turns the first schema error into a sentence that says where and what. */
export function schemaMessage(root: unknown, errors: readonly AjvError[]): Text {
  // Inside anyOf Ajv lists each branch's failure first; the anyOf error itself says it best.
  const error = errors.find((e) => e.keyword === 'anyOf') ?? errors[0];
  if (!error) return nothingChanged('Het bestand klopt niet met het exportformaat.', 'The file does not match the export format.');
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  const where = describePath(root, path);
  const last = path[path.length - 1];
  const field = typeof last === 'string' ? last : '';
  const value = valueAt(root, path);
  const p = error.params;
  let what: Text;
  switch (error.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      const label = FIELD_NAMES[name] ?? { nl: name, en: name };
      what = { nl: `het veld "${label.nl}" (${name}) ontbreekt`, en: `the field "${label.en}" (${name}) is missing` };
      break;
    }
    case 'additionalProperties':
      what = { nl: `onbekend veld "${String(p.additionalProperty)}"`, en: `unknown field "${String(p.additionalProperty)}"` };
      break;
    case 'type': {
      const type = TYPE_NAMES[String(p.type)] ?? { nl: String(p.type), en: String(p.type) };
      what = { nl: `moet ${type.nl} zijn`, en: `must be ${type.en}` };
      break;
    }
    case 'anyOf':
      what =
        typeof value === 'string'
          ? { nl: 'de tekst is te lang (hoogstens 1000 tekens)', en: 'the text is too long (at most 1000 characters)' }
          : { nl: 'moet tekst, een getal, ja/nee of leeg (null) zijn', en: 'must be text, a number, yes/no or empty (null)' };
      break;
    case 'pattern':
      if (error.propertyName !== undefined) {
        what = { nl: `"${clip(error.propertyName)}" is geen geldige naam van een gegeven`, en: `"${clip(error.propertyName)}" is not a valid fact name` };
      } else {
        what = PATTERN_TEXT.get(String(p.pattern)) ?? { nl: 'heeft een ongeldige vorm', en: 'has an invalid form' };
      }
      break;
    case 'propertyNames':
      what = { nl: 'bevat een ongeldige naam van een gegeven', en: 'contains an invalid fact name' };
      break;
    case 'minLength':
      what = { nl: 'mag niet leeg zijn', en: 'must not be empty' };
      break;
    case 'maxLength':
      what = { nl: `is te lang (hoogstens ${String(p.limit)} tekens)`, en: `is too long (at most ${String(p.limit)} characters)` };
      break;
    case 'minItems':
      what = field === 'terrains' ? { nl: 'het bestand bevat geen terreinen', en: 'the file holds no parks' } : { nl: 'is leeg', en: 'is empty' };
      break;
    case 'maxItems':
      what = { nl: `te veel (hoogstens ${String(p.limit)})`, en: `too many (at most ${String(p.limit)})` };
      break;
    case 'maxProperties':
      what = { nl: `te veel gegevens (hoogstens ${String(p.limit)})`, en: `too many facts (at most ${String(p.limit)})` };
      break;
    case 'minimum':
    case 'maximum':
      what = {
        nl: `moet ${p.comparison === '>=' ? 'minstens' : 'hoogstens'} ${String(p.limit)} zijn`,
        en: `must be ${p.comparison === '>=' ? 'at least' : 'at most'} ${String(p.limit)}`,
      };
      break;
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      what = { nl: `moet een van ${values} zijn`, en: `must be one of ${values}` };
      break;
    }
    case 'const':
      what = { nl: `moet ${JSON.stringify(p.allowedValue)} zijn`, en: `must be ${JSON.stringify(p.allowedValue)}` };
      break;
    default:
      what = { nl: `klopt niet met het exportformaat (${error.keyword})`, en: `does not match the export format (${error.keyword})` };
  }
  return nothingChanged(`Het bestand klopt niet: ${where.nl}: ${what.nl}.`, `The file is not valid: ${where.en}: ${what.en}.`);
}

/** "terrein 2 ("Roomburg"), gebouw 1 ("Hal A"), veld "naam"" for a path into the envelope. */
export function describePath(root: unknown, path: readonly (string | number)[]): Text {
  const parts: Text[] = [];
  let node: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const parent = node;
    node = valueAt(parent, [seg]);
    const prev = path[i - 1];
    if (prev === 'terrains' && isIndex(seg)) parts.push(terrainLabel(Number(seg), node));
    else if (prev === 'buildings' && isIndex(seg)) parts.push(buildingLabel(Number(seg), node));
    else if (prev === 'facts') parts.push({ nl: `gegeven "${clip(String(seg))}"`, en: `fact "${clip(String(seg))}"` });
    else if (seg === 'terrains' && i === path.length - 1) parts.push({ nl: 'de lijst van terreinen', en: 'the list of parks' });
    else if (seg === 'terrains' || seg === 'buildings' || (seg === 'facts' && i < path.length - 1)) continue;
    else {
      const label = FIELD_NAMES[String(seg)];
      parts.push(label ? { nl: `veld "${label.nl}"`, en: `field "${label.en}"` } : { nl: `"${clip(String(seg))}"`, en: `"${clip(String(seg))}"` });
    }
  }
  if (parts.length === 0) return { nl: 'het bestand als geheel', en: 'the file as a whole' };
  return parts.reduce(join);
}

export function terrainLabel(index: number, terrain: unknown): Text {
  const name = isPlainObject(terrain) && typeof terrain.name === 'string' && terrain.name ? ` ("${clip(terrain.name)}")` : '';
  return { nl: `terrein ${index + 1}${name}`, en: `park ${index + 1}${name}` };
}

export function buildingLabel(index: number, building: unknown): Text {
  const name = isPlainObject(building) && typeof building.name === 'string' && building.name ? ` ("${clip(building.name)}")` : '';
  return { nl: `gebouw ${index + 1}${name}`, en: `building ${index + 1}${name}` };
}

export const join = (a: Text, b: Text): Text => ({ nl: `${a.nl}, ${b.nl}`, en: `${a.en}, ${b.en}` });
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Every rejection ends by saying that nothing changed. */
export function nothingChanged(nl: string, en: string): Text {
  return { nl: `${capitalise(nl)} Er is niets geïmporteerd of gewijzigd.`, en: `${capitalise(en)} Nothing was imported or changed.` };
}
export const reject = (message: Text): { ok: false; message: Text } => ({ ok: false, message });

const notJson = (): Text =>
  nothingChanged('Dit bestand is geen JSON en dus geen exportbestand van de Energietoolbox.', 'This file is not JSON, so it is not an export file of the Energy Toolbox.');
const notOurType = (): Text =>
  nothingChanged(
    'Dit is geen exportbestand van de Energietoolbox Bedrijventerreinen (het veld "type" ontbreekt of is anders). Kies een bestand dat met "Exporteren" is gemaakt.',
    'This is not an export file of the Energy Toolbox for Business Parks (the field "type" is missing or different). Choose a file made with "Export".',
  );
const newerVersion = (version: number, known: number): Text =>
  nothingChanged(
    `Dit bestand komt uit een nieuwere versie van de app (formaatversie ${version}; deze app kent tot en met versie ${known}). Werk de app bij en probeer het opnieuw.`,
    `This file comes from a newer version of the app (format version ${version}; this app knows up to version ${known}). Update the app and try again.`,
  );
const tooLarge = (): Text =>
  nothingChanged(
    `Het bestand is groter dan ${LIMITS.maxBytes / 1024 / 1024} MB, de grens voor een import.`,
    `The file is larger than ${LIMITS.maxBytes / 1024 / 1024} MB, the limit for an import.`,
  );
/** Messages for a whole file: the last two also for a file rejected before it is read (the browser knows its size). */
const photosTooLarge = (): Text =>
  nothingChanged(
    `De foto's in het bestand zijn samen groter dan ${LIMITS.maxPhotoBytes / 1024 / 1024} MB, de grens voor een import.`,
    `The photos in the file are larger than ${LIMITS.maxPhotoBytes / 1024 / 1024} MB together, the limit for an import.`,
  );

export const importMessages = { notJson, notOurType, tooLarge, photosTooLarge, newerVersion };

// ---------------------------------------------------------------- reading untrusted JSON

export function isPlainObject(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: never one reached through the prototype. */
export function own(object: Envelope, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const seg of path) {
    if (Array.isArray(node) && isIndex(seg)) node = node[Number(seg)];
    else if (isPlainObject(node)) node = own(node, String(seg));
    else return undefined;
  }
  return node;
}

const isIndex = (seg: string | number): boolean => typeof seg === 'number' || /^\d+$/.test(seg);
const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
const clip = (s: string, max = 60): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/** A value as the file has it, short: "text" or 42. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value, 40)}"`;
  return clip(JSON.stringify(value) ?? String(value), 40);
}
