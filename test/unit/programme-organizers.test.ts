import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { duplicateOrganizerIds } from '../../src/validate/programme-organizers.js';

const TEXT = 'title: A programme\norganizers:\n  - id: uncct\n    name: UNCCT\n  - id: unoct\n    name: UNOCT\n  - id: uncct\n    name: UNCCT again\n  - name: No id\n  - id: uncct\n    name: UNCCT a third time\nworkshops: [../a]\n';

describe('duplicateOrganizerIds: programme.yaml\'s organizers with one id', () => {
  it('is one duplicate-id error at the second use, with the first and the later ones related', () => {
    const { file } = parseYamlFile({ path: 'programme.yaml', text: TEXT }, 'programme');
    const organizers = (file.data as { organizers: Array<{ id?: string }> }).organizers;
    const found = duplicateOrganizerIds(file, organizers);
    expect(found.map((d) => `${d.code} ${d.severity} ${d.location?.file}:${d.location?.start.line}:${d.location?.start.column}`)).toEqual(['duplicate-id error programme.yaml:7:9']);
    expect(found[0]!.message).toBe('The organization id “uncct” is already used earlier in this file, and 1 more time after this.');
    expect(found[0]!.related?.map((r) => `${r.start.line}:${r.start.column} ${r.message}`)).toEqual(['3:9 first use of this id', '10:9 another use']);
  });

  it('is nothing for distinct ids, or none', () => {
    const { file } = parseYamlFile({ path: 'programme.yaml', text: 'title: A\nworkshops: [../a]\n' }, 'programme');
    expect(duplicateOrganizerIds(file, undefined)).toEqual([]);
    expect(duplicateOrganizerIds(file, [{ id: 'a' }, { id: 'b' }, undefined])).toEqual([]);
  });
});
