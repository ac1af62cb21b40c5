import { describe, expect, it } from 'vitest';
import type { Building } from '../../engine/types';
import { copyCount, forAllCount } from './bulk';

const b = (id: string, facts: Building['facts']): Building => ({ id, name: id, facts });

describe('bulk edit counts', () => {
  it('a copy counts every fact that changes: replaced, newly set or cleared', () => {
    const source = b('s', { roofAreaM2: 5000, monument: 'none', asbestos: false });
    expect(copyCount(source, b('t', {}))).toBe(3);
    expect(copyCount(source, b('t', { roofAreaM2: 5000, monument: 'none', asbestos: false }))).toBe(0);
    expect(copyCount(source, b('t', { roofAreaM2: 4000, monument: 'none', gasM3: 12000 }))).toBe(3); // roof replaced, asbestos set, gas cleared
    expect(copyCount(b('s', { asbestos: null }), b('t', {}))).toBe(0); // null is unknown, as absent
  });

  it('an answer for all counts the buildings that do not have it yet', () => {
    const list = [b('a', { monument: 'none' }), b('b', {}), b('c', { monument: 'monument' })];
    expect(forAllCount(list, 'monument', 'none')).toBe(2);
    expect(forAllCount(list, 'asbestos', false)).toBe(3);
    expect(forAllCount([list[0]], 'monument', 'none')).toBe(0);
  });
});
