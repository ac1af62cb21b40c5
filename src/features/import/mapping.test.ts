/** Column mapping: by label (Dutch, English, with a unit), id and common words; remembered choices first; each target once. */
import { describe, expect, it } from 'vitest';
import { bundledToolbox } from '../../engine';
import { autoMap, doubleMapped, memoryKey, normaliseHeader, targetOptions } from './mapping';
import { templateHeaders } from './template';

const options = targetOptions(bundledToolbox.facts);

describe('column mapping', () => {
  it('normalises case, accents, brackets and punctuation', () => {
    expect(normaliseHeader(' Oriëntatie (hellend dak) ')).toBe('orientatie');
    expect(normaliseHeader('KvK-nummer')).toBe('kvknummer');
    expect(normaliseHeader('Dakoppervlak [m²]')).toBe('dakoppervlak');
  });

  it('maps Dutch and English labels, ids and common words; leaves unknown headers out', () => {
    expect(autoMap(['Bedrijfsnaam', 'KvK', 'Dakoppervlak (m²)', 'Roof type', 'gasM3', 'Opmerking van de beheerder', 'Naam'], options)).toEqual([
      'survey:companyName',
      'survey:kvkNumber',
      'fact:roofAreaM2',
      'fact:roofType',
      'fact:gasM3',
      '',
      'name',
    ]);
  });

  it('maps every column of the template to its own target', () => {
    const codes = autoMap(templateHeaders(bundledToolbox.facts), options);
    expect(codes).not.toContain('');
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.slice(0, 3)).toEqual(['survey:companyName', 'survey:kvkNumber', 'survey:address']);
    expect(codes.filter((c) => c.startsWith('fact:'))).toHaveLength(bundledToolbox.facts.filter((f) => f.scope === 'building').length);
  });

  it('a remembered choice wins, also "not imported"; a remembered code the toolbox no longer knows is ignored', () => {
    const remembered = { [memoryKey('Opp. dak')]: 'fact:roofAreaM2', [memoryKey('Dakoppervlak')]: '', [memoryKey('Gebruik')]: 'fact:gone' };
    expect(autoMap(['Opp. dak', 'Dakoppervlak', 'Gebruik'], options, remembered)).toEqual(['fact:roofAreaM2', '', 'fact:use']);
  });

  it('gives a target to the first column only, and reports a target the user chose twice', () => {
    expect(autoMap(['Dakoppervlak', 'Roof area'], options)).toEqual(['fact:roofAreaM2', '']);
    expect([...doubleMapped(['fact:roofAreaM2', '', 'fact:roofAreaM2', '', 'name'])]).toEqual([2]);
  });
});
