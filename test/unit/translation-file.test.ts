import { describe, expect, it } from 'vitest';
import { translationFileText } from '../../src/build/translations.js';

const entry = (text: string) => ({ source: '0a1b2c3d', text });

describe('translationFileText on a file that exists', () => {
  it('puts a new entry after the one before it in the source, keeps the header on top and a note on an entry written as a plain value', () => {
    const existing = '# Traduction française de workshop.yaml\nsubtitle:\n  source: "11111111"\n  text: Sous-titre\n# Note de relecture.\nshort_title: Titre court écrit à la main\nplace:\n  source: "22222222"\n  text: Rabat\n';
    const text = translationFileText('translations/fr/workshop.yaml', [['title', entry('Titre')], ['subtitle', entry('Sous-titre')], ['short_title', entry('Titre court')], ['venue', entry('Lieu')], ['place', entry('Rabat')]], 'fr', existing);
    expect(text).toBe(
      '# Traduction française de workshop.yaml\n\ntitle:\n  source: "0a1b2c3d"\n  text: Titre\nsubtitle:\n  source: "0a1b2c3d"\n  text: Sous-titre\n# Note de relecture.\nshort_title:\n  source: "0a1b2c3d"\n  text: Titre court\nvenue:\n  source: "0a1b2c3d"\n  text: Lieu\nplace:\n  source: "0a1b2c3d"\n  text: Rabat\n',
    );
  });
});
