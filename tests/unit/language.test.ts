/**
 * The UI language: Dutch is there from the start, English is loaded when it is first shown
 * (its own chunk, out of the first load), and a switch to a loaded language is immediate.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lang, setLang, t } from '../../src/i18n';
import { messagesOf } from '../../src/i18n/messages';

const SRC = join(__dirname, '..', '..', 'src');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

describe('the English messages load on demand', () => {
  it('Dutch is shown at once; English once its messages are loaded, then switching is immediate', async () => {
    expect(messagesOf('en')).toBeUndefined();
    expect(t('appTitle')).toBe('Energietoolbox Bedrijventerreinen');
    const switching = setLang('en');
    expect(lang.value).toBe('nl'); // nothing in English is shown before its messages are there
    await switching;
    expect(lang.value).toBe('en');
    expect(t('appTitle')).toBe('Energy Toolbox for Business Parks');
    void setLang('nl');
    expect(t('appTitle')).toBe('Energietoolbox Bedrijventerreinen');
    void setLang('en');
    expect(t('navCompare')).toBe('Compare');
    void setLang('nl');
  });

  it('no module imports the English messages statically (they would be in the first load)', () => {
    const files = walk(SRC).filter((f) => /\.(ts|tsx)$/.test(f));
    const statics = files.filter((f) => /^import[^(]*from\s*['"]\.{1,2}\/(?:i18n\/)?en['"]/m.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(statics).toEqual([]);
    expect(readFileSync(join(SRC, 'i18n', 'messages.ts'), 'utf8')).toMatch(/import\('\.\/en'\)/);
  });
});
