import { describe, expect, it } from 'vitest';
import { textSlots } from '../../src/languages/slots.js';

describe('textSlots: what a translator is given', () => {
  it('gives a partner\'s role as an ordinary text, and names (organizations, acronyms) as names', () => {
    const slots = textSlots('workshop', { partners: [{ id: 'morocco', name: 'Kingdom of Morocco', acronym: 'MA', role: 'host' }] });
    expect(slots.map((slot) => [slot.key, slot.optional])).toEqual([['partners.morocco.name', true], ['partners.morocco.acronym', true], ['partners.morocco.role', false]]);
  });

  it('gives a person\'s organization written out as a name, and none for one given as an organizer\'s or partner\'s id (the report prints that organization\'s translated name)', () => {
    const session = {
      chairs: [{ name: 'A', organization: 'uncct' }],
      speakers: [{ name: 'B', title: 'Director', organization: 'National Security Council Secretariat, Ghana' }, { name: 'C', organization: 'iom', topic: 'Data' }],
      rapporteur: { name: 'D', title: 'Officer', organization: 'unoct-rabat' },
    };
    const slots = textSlots('session', session, new Set(['uncct', 'iom', 'unoct-rabat']));
    expect(slots.map((slot) => [slot.key, slot.optional])).toEqual([['speakers.0.title', false], ['speakers.0.organization', true], ['speakers.1.topic', false], ['rapporteur.title', false]]);
  });
});
