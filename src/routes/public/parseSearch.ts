import type { Request } from "express";
import type { FieldErrors } from "../../validation/form.js";
import { toRegistrySearch, type RegistrySearch } from "../../domain/registrySearch.js";
import type { ReferenceDataService } from "../../services/referenceDataService.js";
import { buildSearchSchema, DEFAULT_RADIUS_KM, searchErrors } from "./registry.schema.js";

export type ParsedSearch =
  | { ok: true; search: RegistrySearch; form: Record<string, unknown> }
  | { ok: false; errors: FieldErrors; form: Record<string, unknown> };

let schema: ReturnType<typeof buildSearchSchema> | undefined;

/** Shared by every page and feed that takes the search parameters. */
export async function parseSearch(req: Request, referenceData: ReferenceDataService): Promise<ParsedSearch> {
  const { byCode } = await referenceData.load();
  schema ??= buildSearchSchema(new Set(byCode.keys()));
  const form = req.query as Record<string, unknown>;
  const parsed = schema.safeParse(form);
  if (!parsed.success) return { ok: false, errors: searchErrors(parsed.error), form };
  const search = toRegistrySearch(parsed.data, (code) => byCode.get(code), DEFAULT_RADIUS_KM);
  return { ok: true, search, form: parsed.data };
}
