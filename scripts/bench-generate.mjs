// Generates synthetic but realistic workshops for the benchmark: S (the example's size), M and L.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

const SIZES = {
  S: { sessions: 8, countries: 4, recommendations: 20 },
  M: { sessions: 60, countries: 25, recommendations: 600 },
  L: { sessions: 2000, countries: 54, recommendations: 20000 },
};
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

export function generate(size, dir) {
  const spec = SIZES[size];
  const rnd = random(42);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'sessions'), { recursive: true });
  mkdirSync(path.join(dir, 'countries'), { recursive: true });
  const countries = AFRICA.slice(0, spec.countries);
  const themes = ['ibm', 'kst', 'toc', 'rights', 'coop'].map((id, i) => ({ id, title: `Theme ${i + 1}: ${sentence(rnd, 5).slice(0, -1)}` }));
  const days = Math.max(1, Math.min(5, Math.ceil(spec.sessions / 12)));
  const workshop = {
    title: `Synthetic workshop ${size}`, short_title: `Workshop ${size}`, language: 'en',
    dates: { start: '2024-03-04', end: `2024-03-0${3 + days}` },
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
      ids.push({ id, theme: rec.theme, text: rec.text });
      recs.push(rec);
    }
    const session = {
      title: `Session ${s + 1}: ${sentence(rnd, 6).slice(0, -1)}`,
      date: `2024-03-0${4 + (s % days)}`, order: Math.floor(s / days) + 1,
      type: s === 0 ? 'opening' : s === spec.sessions - 1 ? 'closing' : 'plenary',
      chairs: [{ name: `Chair ${s}`, organization: 'uncct' }],
      speakers: [{ name: `Speaker ${s}`, organization: 'Ministry of Interior', country: countries[s % countries.length], topic: sentence(rnd, 6).slice(0, -1) }],
      themes: [themes[s % themes.length].id],
      summary: Array.from({ length: 3 }, () => sentence(rnd, 60)).join('\n\n'),
      key_points: [sentence(rnd), sentence(rnd), sentence(rnd)],
      country_notes: { [countries[s % countries.length]]: { challenges: [sentence(rnd)], needs: [sentence(rnd)] } },
      recommendations: recs,
      actions: recs.length ? [{ text: sentence(rnd), owner: 'unoct', due: '2024-12-31', countries: [countries[s % countries.length]], recommendations: [recs[0].id] }] : [],
    };
    writeFileSync(path.join(dir, 'sessions', `s${String(s).padStart(4, '0')}.yaml`), stringify(session));
  }
  for (const country of countries) {
    writeFileSync(path.join(dir, 'countries', `${country}.yaml`), stringify({ country, institutions: ['Ministry of Interior'], summary: sentence(rnd, 50), needs: [sentence(rnd)] }));
  }
  return dir;
}
