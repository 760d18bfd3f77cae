/** Size classes of the register (EU thresholds on headcount only). */
export type SizeClassCode = "MICRO" | "SMALL" | "MEDIUM" | "LARGE";

/** micro < 10, piccola < 50, media < 250, grande from 250 employees. */
export function sizeClassFor(employees: number): SizeClassCode {
  if (!Number.isInteger(employees) || employees < 0) {
    throw new RangeError(`employees must be a non-negative integer, got ${employees}`);
  }
  if (employees < 10) return "MICRO";
  if (employees < 50) return "SMALL";
  if (employees < 250) return "MEDIUM";
  return "LARGE";
}
