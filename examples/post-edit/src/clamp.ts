/** Keeps a value between two bounds. */
export function clamp(value: number, min: number, max: number): number {
  if (value < min {
    return min;
  }
  return Math.min(value, max);
}
