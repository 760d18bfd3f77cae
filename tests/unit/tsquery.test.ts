import { describe, expect, it } from "vitest";
import { parseTsquery } from "../../src/domain/tsquery.js";

const lexeme = (l: string) => ({ op: "lexeme", lexeme: l });

describe("parseTsquery", () => {
  it("reads lexemes, &, | and ! with PostgreSQL's precedence", () => {
    expect(parseTsquery("'asil'")).toEqual(lexeme("asil"));
    expect(parseTsquery("'a' & 'b' | 'c'")).toEqual({
      op: "or",
      left: { op: "and", left: lexeme("a"), right: lexeme("b") },
      right: lexeme("c"),
    });
    expect(parseTsquery("'bimb' & ( 'categoriaminor'|'minor' )")).toEqual({
      op: "and",
      left: lexeme("bimb"),
      right: { op: "or", left: lexeme("categoriaminor"), right: lexeme("minor") },
    });
    expect(parseTsquery("!'palestr' & 'mens'")).toEqual({
      op: "and",
      left: { op: "not", arg: lexeme("palestr") },
      right: lexeme("mens"),
    });
    expect(parseTsquery("!!'a'")).toEqual({ op: "not", arg: { op: "not", arg: lexeme("a") } });
  });

  it("unescapes quotes and backslashes in lexemes", () => {
    expect(parseTsquery("'l''asil'")).toEqual(lexeme("l'asil"));
    expect(parseTsquery("'a\\\\b'")).toEqual(lexeme("a\\b"));
  });

  it("answers 'empty' for a query without lexemes (stop words only)", () => {
    expect(parseTsquery("")).toEqual({ op: "empty" });
  });

  it("refuses what a set of lexemes cannot answer: phrases, prefixes, weights, broken text", () => {
    expect(parseTsquery("'asil' <-> 'nid'")).toBeNull();
    expect(parseTsquery("'a' <2> 'b'")).toBeNull();
    expect(parseTsquery("'asil':*")).toBeNull();
    expect(parseTsquery("'asil':AB")).toBeNull();
    expect(parseTsquery("'a' &")).toBeNull();
    expect(parseTsquery("( 'a'")).toBeNull();
    expect(parseTsquery("'a")).toBeNull();
    expect(parseTsquery("'a' 'b'")).toBeNull();
  });
});
