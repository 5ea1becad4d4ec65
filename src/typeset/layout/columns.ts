/**
 * Column widths from min/max content widths (like CSS automatic table layout), filling `total`:
 * everything at max if it fits (extra shared in proportion), otherwise min plus a share of what is left.
 */
export function fitColumns(min: readonly number[], max: readonly number[], total: number): number[] {
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMin >= total) return min.map((w) => (w * total) / sumMin);
  if (sumMax <= total) {
    const extra = total - sumMax;
    return max.map((w) => w + (sumMax > 0 ? (extra * w) / sumMax : extra / max.length));
  }
  const room = total - sumMin;
  const want = sumMax - sumMin;
  return min.map((w, i) => w + ((((max[i] ?? w) - w) * room) / want));
}
