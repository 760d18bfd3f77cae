/** Dates and times as people in Bologna read them (Europe/Rome), without a library. */
const ZONE = "Europe/Rome";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * A calendar day ("yyyy-mm-dd") as the database's date columns hold it: that
 * day at 00:00 UTC, so the same day comes back whatever the server's zone.
 */
export function dateColumn(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The wall-clock fields of an instant in Rome. */
export function romeParts(instant: Date) {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    year: p.year!,
    month: p.month!,
    day: p.day!,
    hour: p.hour!,
    minute: p.minute!,
    second: p.second!,
  };
}

/** "2026-03-12" and "10:30" of an instant, in Rome. */
export function romeDateAndTime(instant: Date): { date: string; time: string } {
  const p = romeParts(instant);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Minutes Rome is ahead of UTC at an instant (60 or 120). */
function offsetMinutes(instant: Date): number {
  const p = romeParts(instant);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock date ("YYYY-MM-DD") and time ("HH:MM") in Rome;
 * null when the values are not a real date and time.
 */
export function romeLocalToInstant(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [+d[1]!, +d[2]!, +d[3]!, +t[1]!, +t[2]!];
  if (h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return null;
  // Two passes settle the offset, also next to the changes of summer time.
  let instant = wall - offsetMinutes(new Date(wall)) * 60_000;
  instant = wall - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** The moment `months` calendar months before `instant` (after it, for a negative number). */
export function monthsBefore(instant: Date, months: number): Date {
  const d = new Date(instant);
  d.setMonth(d.getMonth() - months);
  return d;
}

/** "giovedì 20 maggio 2032 alle ore 09:00" / "Thursday 20 May 2032 at 09:00": an event's start, in Rome. */
export function romeLongDateTime(instant: Date, lang: "it" | "en"): string {
  return instant.toLocaleString(lang === "en" ? "en-GB" : "it-IT", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: ZONE,
  });
}
