import type { ApiRepository, MeasureFilter } from "../../data/monitoring/apiRepository.js";
import type { NetworkRepository } from "../../data/territory/networkRepository.js";
import { categories } from "../../domain/vocabulary.js";
import { outcomeSlug } from "../../domain/vocabulary.js";
import { publicMeasureDto } from "../registry/publicOrganizationDto.js";

/** One page of a list, as every paged collection of the API answers it. */
function paged<T>(total: number, page: number, pageSize: number, items: T[]) {
  return { total, page, pages: Math.max(1, Math.ceil(total / pageSize)), items };
}

/** The read-only API's collections other than the register search (routes/api/collections.ts). */
export function createApiService(api: ApiRepository, networks: NetworkRepository, baseUrl: string) {
  return {
    async measures(filter: MeasureFilter, page: number, pageSize: number) {
      const { items, total } = await api.measures(filter, pageSize, (page - 1) * pageSize);
      return paged(
        total,
        page,
        pageSize,
        items.map((m) => ({
          ...publicMeasureDto(m),
          organization: {
            slug: m.organization?.slug ?? "",
            name: m.organization?.name ?? "",
            comune: m.organization?.comune?.name ?? null,
            url: `${baseUrl}/registro/${m.organization?.slug ?? ""}`,
          },
        })),
      );
    },

    async networks() {
      const list = await networks.listPublic();
      return {
        total: list.length,
        items: list.map((n) => ({
          slug: n.slug,
          name: n.name,
          description: n.description,
          url: `${baseUrl}/reti/${n.slug}`,
          lead: { slug: n.leadOrganization.slug, name: n.leadOrganization.name },
          members: n._count.members,
          measures: n._count.measures,
        })),
      };
    },

    async events(page: number, pageSize: number) {
      const { items, total } = await api.events(pageSize, (page - 1) * pageSize);
      return paged(
        total,
        page,
        pageSize,
        items.map((e) => ({
          slug: e.slug,
          title: e.title,
          type: e.type,
          startsAt: e.startsAt.toISOString(),
          endsAt: e.endsAt?.toISOString() ?? null,
          place: e.place,
          comune: e.comuneCode ? { istatCode: e.comuneCode, name: e.comune?.name ?? "" } : null,
          organizer: e.organizer,
          description: e.description,
          participants: e.participants,
        })),
      );
    },

    async comuni() {
      const rows = await api.comuni();
      return { total: rows.length, items: rows };
    },

    async categories(label: (code: string) => string) {
      const counts = new Map((await api.categoryCounts()).map((c) => [c.category, c]));
      const items = categories.slugs.map((slug) => {
        const code = categories.code(slug);
        return {
          slug,
          name: label(code),
          measures: counts.get(code)?.measures ?? 0,
          openToCitizens: counts.get(code)?.openToCitizens ?? 0,
        };
      });
      return { total: items.length, items };
    },

    outcomeSlug,
  };
}
