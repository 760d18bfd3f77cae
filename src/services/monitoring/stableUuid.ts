import { createHash } from "node:crypto";

/**
 * A stable UUID (name-based, version 5 layout) for the HSDS export's ids, made
 * from our own ids: the same record has the same id in every file, so
 * consumers can update what they imported before.
 */
export function stableUuid(name: string): string {
  const h = createHash("sha1").update(`registro-welfare-bologna:${name}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
