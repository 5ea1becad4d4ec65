/** A `same_as` naming another workshop's recommendation: `niamey-2022:api-pnr`. */
export interface ElsewhereRef {
  /** The workshop's folder name in its programme (`niamey-2022`). */
  workshop: string;
  /** The recommendation's id in that workshop. */
  id: string;
}

/**
 * The workshop and recommendation a `same_as: WORKSHOP:ID` names; undefined for a plain id, which
 * names a recommendation of the same workshop. The schema allows one colon, ids on both sides.
 */
export function sameAsElsewhere(sameAs: string): ElsewhereRef | undefined {
  const colon = sameAs.indexOf(':');
  return colon < 0 ? undefined : { workshop: sameAs.slice(0, colon), id: sameAs.slice(colon + 1) };
}
