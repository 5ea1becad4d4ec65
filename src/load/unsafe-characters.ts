const NAMES: Record<string, string> = {
  '\u202a': 'a left-to-right embedding', '\u202b': 'a right-to-left embedding', '\u202c': 'a pop-directional-formatting mark',
  '\u202d': 'a left-to-right override', '\u202e': 'a right-to-left override', '\u2066': 'a left-to-right isolate',
  '\u2067': 'a right-to-left isolate', '\u2068': 'a first-strong isolate', '\u2069': 'a pop-directional-isolate mark',
};

// C0/C1 controls except tab, LF and CR, plus the bidirectional embedding/override/isolate marks.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** Every such character, to take them out of a text quoted in a message. */
export const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

export interface UnsafeCharacter {
  index: number;
  codePoint: string;
  name: string;
}

/** The first control or bidirectional-override character in a text, if any. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  const char = match[0];
  return {
    index: match.index,
    codePoint: char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'),
    name: NAMES[char] ?? 'a control character',
  };
}
