import type { RequestParamHandler } from "express";

/** `:id` of admin URLs: a PostgreSQL int4 key, anything else is a 404 (never a 500). */
export const validId: RequestParamHandler = (_req, res, next, value: string) => {
  const n = Number(value);
  if (/^\d{1,10}$/.test(value) && n >= 1 && n <= 2_147_483_647) return next();
  res.status(404).render("errors/404");
};
