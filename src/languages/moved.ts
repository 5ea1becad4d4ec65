import { fingerprint } from './fingerprint.js';
import type { SlotStatus, TranslationFileInfo, TranslationStatus } from './status.js';

/** A translation entry to rename: it translates the text now at `to`. */
export interface MovedEntry {
  from: string;
  to: string;
}

/** A translation file's entries left under their texts' old keys. */
export interface MovedTranslations {
  moves: MovedEntry[];
  /** The renames to make, in an order that works one by one (through a free key for entries that swap). */
  renames: MovedEntry[];
  /** Keys a move goes to that hold an entry of a text no longer there: to delete first. */
  replaced: string[];
}

/**
 * Translation entries left under their texts' old keys, by translation file: an entry that is not
 * its key's text's translation (stale, or its key gone) but whose source fingerprint is that of
 * exactly one other text of the same list, addressed by its place, without an up-to-date
 * translation: the text it translates moved there (`key_points.1` → `key_points.0` when the first
 * key point was removed). Only files with a stale or orphan entry are looked at. Pure.
 */
export function movedTranslations(status: TranslationStatus): Map<TranslationFileInfo, MovedTranslations> {
  const files = new Set<TranslationFileInfo>([...status.orphans.map((orphan) => orphan.file), ...status.slots.flatMap((s) => (s.state === 'stale' ? [s.translation!.file] : []))]);
  const found = new Map<TranslationFileInfo, MovedTranslations>();
  if (files.size === 0) return found;
  // The slots of each translated file, grouped once (a workshop has thousands of slots).
  const slotsOf = new Map<string, SlotStatus[]>();
  for (const s of status.slots) {
    const key = `${s.language}\u0000${s.source.source.path}`;
    const list = slotsOf.get(key);
    if (list) list.push(s);
    else slotsOf.set(key, [s]);
  }
  for (const file of files) {
    const slots = slotsOf.get(`${file.language}\u0000${file.target}`) ?? [];
    const current = new Map(slots.map((s) => [s.slot.key, fingerprint(s.slot.value)]));
    const waiting = new Map<string, string[]>();
    for (const s of slots) if (s.state !== 'translated') waiting.set(current.get(s.slot.key)!, [...(waiting.get(current.get(s.slot.key)!) ?? []), s.slot.key]);
    const moves: MovedEntry[] = [];
    for (const [key, entry] of Object.entries(file.data)) {
      const was = String(entry?.source);
      if (current.get(key) === was) continue;
      // Only items addressed by their place move (`key_points.1` → `key_points.0`); one addressed by its id does not.
      // An item rewritten as a mapping (`- text: …` with `restricted: true`, as FORMAT.md shows) keeps its
      // text under `.text` (`good_practices.1` → `good_practices.1.text`), and back.
      const to = (waiting.get(was) ?? []).filter((k) => k !== key && ((placeShape(k) === placeShape(key) && k !== placeShape(k)) || k === `${key}.text` || key === `${k}.text`));
      if (to.length === 1) moves.push({ from: key, to: to[0]! });
    }
    if (moves.length === 0) continue;
    const from = new Set(moves.map((move) => move.from));
    found.set(file, { moves, renames: renameOrder(moves), replaced: moves.map((move) => move.to).filter((to) => Object.hasOwn(file.data, to) && !from.has(to)) });
  }
  return found;
}

/**
 * The moves in an order that never renames onto an entry still to be moved: `key_points.1 →
 * key_points.2` before `key_points.0 → key_points.1` (an item added first). Entries that swap keys
 * (two items reordered) go through a free key, `KEY~`: `key_points.0 → key_points.0~,
 * key_points.1 → key_points.0, key_points.0~ → key_points.1`. Pure.
 */
function renameOrder(moves: readonly MovedEntry[]): MovedEntry[] {
  const pending = [...moves];
  const ordered: MovedEntry[] = [];
  while (pending.length > 0) {
    const index = pending.findIndex((move) => !pending.some((other) => other !== move && other.from === move.to));
    if (index >= 0) {
      ordered.push(pending.splice(index, 1)[0]!);
      continue;
    }
    // Every remaining move waits on another: a cycle. Its first entry steps aside.
    const [first] = pending.splice(0, 1);
    const aside = `${first!.from}~`;
    ordered.push({ from: first!.from, to: aside });
    pending.push({ from: aside, to: first!.to });
  }
  return ordered;
}

/** A key with each place number replaced (`key_points.#`, `country_notes.MLI.needs.#`): keys of the same list share it. */
const placeShape = (key: string) => key.replace(/\.\d+(?=\.|$)/g, '.#');
