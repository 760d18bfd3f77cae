import { describe, expect, it } from "vitest";
import type { ApplicationPayload } from "../../src/domain/applicationPayload.js";
import { diffPayload } from "../../src/domain/payloadDiff.js";

const published: ApplicationPayload = {
  organization: { name: "Alfa S.r.l.", address: "Via Indipendenza 1", website: undefined, employees: 40 },
  measures: [
    {
      key: "m1",
      measureId: 1,
      title: "Asilo nido",
      beneficiaries: ["EMPLOYEES", "CITIZENS"],
      openToCitizens: true,
      capacity: 20,
    },
    { key: "m2", measureId: 2, title: "Navetta", beneficiaries: ["EMPLOYEES"], openToCitizens: false },
  ],
};

describe("diffPayload", () => {
  it("finds no change in an identical revision, whatever the order of arrays or blank values", () => {
    const same: ApplicationPayload = {
      organization: { ...published.organization, website: "" },
      measures: published.measures.map((m) => ({
        ...m,
        key: `k${m.measureId}`,
        beneficiaries: [...m.beneficiaries].reverse(),
      })),
    };
    const diff = diffPayload(published, same);
    expect(diff.organization).toEqual([]);
    expect(diff.measures.map((m) => m.change)).toEqual(["unchanged", "unchanged"]);
  });

  it("lists changed organization fields with before and after", () => {
    const diff = diffPayload(published, {
      ...published,
      organization: { ...published.organization, address: "Via Rizzoli 2", employees: 55 },
    });
    expect(diff.organization).toEqual([
      { field: "employees", before: 40, after: 55 },
      { field: "address", before: "Via Indipendenza 1", after: "Via Rizzoli 2" },
    ]);
  });

  it("matches measures by the published measure they revise; new and removed ones are marked", () => {
    const revised: ApplicationPayload = {
      organization: published.organization,
      measures: [
        {
          key: "a",
          measureId: 1,
          title: "Asilo nido",
          beneficiaries: ["EMPLOYEES", "CITIZENS"],
          openToCitizens: true,
          capacity: 30,
        },
        { key: "b", title: "Doposcuola", beneficiaries: ["FAMILIES"], openToCitizens: false },
      ],
    };
    const diff = diffPayload(published, revised);
    expect(diff.measures.map((m) => [m.title, m.change])).toEqual([
      ["Asilo nido", "changed"],
      ["Doposcuola", "added"],
      ["Navetta", "removed"],
    ]);
    expect(diff.measures[0]!.fields).toEqual([{ field: "capacity", before: 20, after: 30 }]);
  });
});
