import { Prisma } from "../../generated/prisma/client.js";

// A calendar year in Bologna as bounds on a column, computed by PostgreSQL:
// `column >= start AND column < next start`, so that an index on the column
// can serve it (an EXTRACT(YEAR ...) of the column could not). `column` is
// always a constant of the caller's own SQL, never input.

/** 1 January of `year` at 00:00 in Rome, as the stored timestamps hold instants (UTC wall-clock). */
const romeNewYear = (year: number) =>
  Prisma.sql`((make_timestamp(${year}::int, 1, 1, 0, 0, 0) AT TIME ZONE 'Europe/Rome') AT TIME ZONE 'UTC')`;

/** A timestamp column (an instant) within `year` in Rome. */
export function instantInRomeYear(column: string, year: number): Prisma.Sql {
  const c = Prisma.raw(column);
  return Prisma.sql`${c} >= ${romeNewYear(year)} AND ${c} < ${romeNewYear(year + 1)}`;
}

/** A date column (a calendar day, no time zone) within `year`. */
export function dayInYear(column: string, year: number): Prisma.Sql {
  const c = Prisma.raw(column);
  return Prisma.sql`${c} >= make_date(${year}::int, 1, 1) AND ${c} < make_date(${year + 1}::int, 1, 1)`;
}

/** The same bounds for Prisma's query builder, on a date column: [1 January, next 1 January). */
export const daysOfYear = (year: number) => ({
  gte: new Date(Date.UTC(year, 0, 1)),
  lt: new Date(Date.UTC(year + 1, 0, 1)),
});
