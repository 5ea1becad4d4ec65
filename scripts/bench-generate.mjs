// Generates synthetic but realistic workshops for the benchmark: S (the example's size), M and L; and
// P, a programme of 100 workshops of 20 sessions each, with follow-up reports (issue #19).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

const SIZES = {
  S: { sessions: 8, countries: 4, recommendations: 20 },
  M: { sessions: 60, countries: 25, recommendations: 600 },
  L: { sessions: 2000, countries: 54, recommendations: 20000 },
};
/** One workshop of the programme P: 20 sessions, 10 recommendations each, and two follow-up reports. */
const PROGRAMME_WORKSHOP = { sessions: 20, countries: 8, recommendations: 200, followUps: 2 };
export const PROGRAMME_WORKSHOPS = 100;
const AFRICA = ['BFA', 'GHA', 'MLI', 'NER', 'SEN', 'CIV', 'GIN', 'MRT', 'TCD', 'NGA', 'BEN', 'TGO', 'CMR', 'DZA', 'MAR', 'TUN', 'LBY', 'EGY', 'SDN', 'GMB', 'GNB', 'LBR', 'SLE', 'CPV', 'ETH', 'KEN', 'SOM', 'UGA', 'TZA', 'RWA', 'BDI', 'COD', 'COG', 'GAB', 'GNQ', 'CAF', 'AGO', 'ZMB', 'ZWE', 'MOZ', 'MWI', 'NAM', 'BWA', 'ZAF', 'LSO', 'SWZ', 'MDG', 'MUS', 'COM', 'SYC', 'DJI', 'ERI', 'SSD', 'STP'];
const WORDS = 'border security management integrated strategy national action plan cooperation regional information sharing traveller data screening watchlist passenger advance risk analysis training officers posts customs police gendarmerie immigration coordination committee community engagement human rights refugee protection rule of law trafficking smuggling weapons financing terrorism organized crime nexus capacity assessment equipment connectivity database interpol network focal points joint patrols investigation prosecution evidence digital forensics biometrics document fraud identity verification'.split(' ');

/** A deterministic pseudo-random generator, so every run benchmarks the same input. */
function random(seed) {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(rnd, words = 18) {
  const out = Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

/**
 * P: `dir/programme.yaml` listing 100 workshops `dir/w000`…, each of PROGRAMME_WORKSHOP's size, with
 * its own countries, dates and two follow-up reports. Returns the programme folder.
 */
export function generateProgramme(dir) {
  rmSync(dir, { recursive: true, force: true });
  const folders = [];
  for (let w = 0; w < PROGRAMME_WORKSHOPS; w++) {
    const folder = `w${String(w).padStart(3, '0')}`;
    generate(PROGRAMME_WORKSHOP, path.join(dir, folder), { seed: 1000 + w, offset: (w * 3) % AFRICA.length, year: 2020 + Math.floor(w / 25), title: `Synthetic programme workshop ${w + 1}` });
    folders.push(folder);
  }
  writeFileSync(path.join(dir, 'programme.yaml'), stringify({
    title: 'Synthetic programme of 100 workshops',
    organizers: [{ id: 'uncct', name: 'United Nations Counter-Terrorism Centre', acronym: 'UNCCT' }],
    language: 'en',
    workshops: folders,
  }));
  return dir;
}

export function generate(size, dir, options = {}) {
  const spec = typeof size === 'string' ? SIZES[size] : size;
  const { seed = 42, offset = 0, year = 2024, title = `Synthetic workshop ${size}` } = options;
  const rnd = random(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'sessions'), { recursive: true });
  mkdirSync(path.join(dir, 'countries'), { recursive: true });
  const countries = [...AFRICA, ...AFRICA].slice(offset, offset + spec.countries);
  const themes = ['ibm', 'kst', 'toc', 'rights', 'coop'].map((id, i) => ({ id, title: `Theme ${i + 1}: ${sentence(rnd, 5).slice(0, -1)}` }));
  const days = Math.max(1, Math.min(5, Math.ceil(spec.sessions / 12)));
  const workshop = {
    title, short_title: title.replace('Synthetic ', ''), language: 'en',
    dates: { start: `${year}-03-04`, end: `${year}-03-0${3 + days}` },
    location: { city: 'Rabat', country: 'MAR' },
    organizers: [{ id: 'uncct', name: 'United Nations Counter-Terrorism Centre', acronym: 'UNCCT' }, { id: 'unoct', name: 'UNOCT Programme Office' }],
    partners: [{ id: 'host', name: 'Host Government', role: 'host' }],
    countries, themes,
    participation: countries.map((country) => ({ country, total: 4 + Math.floor(rnd() * 8), women: Math.floor(rnd() * 4) })),
    summary: Array.from({ length: 3 }, () => sentence(rnd, 40)).join('\n\n'),
    objectives: [sentence(rnd), sentence(rnd)],
  };
  writeFileSync(path.join(dir, 'workshop.yaml'), stringify(workshop));
  const perSession = Math.ceil(spec.recommendations / spec.sessions);
  const ids = [];
  let made = 0;
  for (let s = 0; s < spec.sessions; s++) {
    const recs = [];
    for (let r = 0; r < perSession && made < spec.recommendations; r++, made++) {
      const id = `r${made}`;
      const rec = { id, text: sentence(rnd, 20 + Math.floor(rnd() * 20)), theme: themes[Math.floor(rnd() * themes.length)].id, addressed_to: rnd() < 0.5 ? ['member-states'] : [countries[Math.floor(rnd() * countries.length)]], priority: ['high', 'medium', 'low'][Math.floor(rnd() * 3)] };
      // 30% repeat an earlier recommendation: linked by same_as (same theme) or left as a near-duplicate.
      if (ids.length && rnd() < 0.3) {
        const earlier = ids[Math.floor(rnd() * ids.length)];
        if (rnd() < 0.7) Object.assign(rec, { same_as: earlier.id, theme: earlier.theme });
        else rec.text = `${earlier.text.slice(0, -1)} swiftly.`;
      }
      ids.push({ id, theme: rec.theme, text: rec.text, to: rec.addressed_to[0] });
      recs.push(rec);
    }
    const session = {
      title: `Session ${s + 1}: ${sentence(rnd, 6).slice(0, -1)}`,
      date: `${year}-03-0${4 + (s % days)}`, order: Math.floor(s / days) + 1,
      type: s === 0 ? 'opening' : s === spec.sessions - 1 ? 'closing' : 'plenary',
      chairs: [{ name: `Chair ${s}`, organization: 'uncct' }],
      speakers: [{ name: `Speaker ${s}`, organization: 'Ministry of Interior', country: countries[s % countries.length], topic: sentence(rnd, 6).slice(0, -1) }],
      themes: [themes[s % themes.length].id],
      summary: Array.from({ length: 3 }, () => sentence(rnd, 60)).join('\n\n'),
      key_points: [sentence(rnd), sentence(rnd), sentence(rnd)],
      country_notes: { [countries[s % countries.length]]: { challenges: [sentence(rnd)], needs: [sentence(rnd)] } },
      recommendations: recs,
      actions: recs.length ? [{ ...(spec.followUps ? { id: `a${s}` } : {}), text: sentence(rnd), owner: 'unoct', due: `${year}-12-31`, countries: [countries[s % countries.length]], recommendations: [recs[0].id] }] : [],
    };
    writeFileSync(path.join(dir, 'sessions', `s${String(s).padStart(4, '0')}.yaml`), stringify(session));
  }
  // Follow-up reports, six and twelve months on: an update on some actions and recommendations.
  if (spec.followUps) mkdirSync(path.join(dir, 'follow-up'), { recursive: true });
  for (let f = 0; f < (spec.followUps ?? 0); f++) {
    const date = f === 0 ? `${year}-09-15` : `${year + 1}-03-15`;
    const updates = [];
    for (let s = 0; s < spec.sessions; s += 2) updates.push({ action: `a${s}`, status: f === 0 ? 'in-progress' : 'done', note: sentence(rnd, 25) });
    // Each in a country the recommendation is addressed to (else not-addressed warns).
    for (let r = 0; r < 5; r++) {
      const rec = ids[Math.floor(rnd() * ids.length)];
      const country = rec.to === 'member-states' ? countries[r % countries.length] : rec.to;
      const note = sentence(rnd, 20);
      // (Once per recommendation and country: the same update twice is repeated-follow-up.)
      if (!updates.some((u) => u.recommendation === rec.id && u.country === country)) updates.push({ recommendation: rec.id, country, status: 'in-progress', note });
    }
    writeFileSync(path.join(dir, 'follow-up', `${date}.yaml`), stringify({ date, reported_by: 'unoct', updates }));
  }
  for (const country of countries) {
    writeFileSync(path.join(dir, 'countries', `${country}.yaml`), stringify({ country, institutions: ['Ministry of Interior'], summary: sentence(rnd, 50), needs: [sentence(rnd)] }));
  }
  return dir;
}
