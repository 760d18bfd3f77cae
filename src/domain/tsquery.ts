/**
 * A PostgreSQL text query (the text form of a `tsquery`, as `textQuery()`
 * produces it) as a tree the in-process search index evaluates. Only what a
 * set of lexemes can answer exactly is accepted: lexemes joined by `&`, `|`
 * and `!`. Phrases (`<->`, `<N>`: a quoted or hyphenated search), prefixes
 * (`:*`) and weights (`:A`) need the positions and weights that only the
 * stored `tsvector` has: parseTsquery answers null and the search goes to
 * PostgreSQL.
 */
export type TsqueryNode =
  | { op: "lexeme"; lexeme: string }
  | { op: "not"; arg: TsqueryNode }
  | { op: "and" | "or"; left: TsqueryNode; right: TsqueryNode };

/** The tree of a tsquery's text; `{ op: "empty" }` for a query without lexemes (matches nothing). */
export function parseTsquery(text: string): TsqueryNode | { op: "empty" } | null {
  const tokens = tokenize(text);
  if (tokens === null) return null;
  if (tokens.length === 0) return { op: "empty" };
  let at = 0;
  const peek = () => tokens[at];
  // Precedence as PostgreSQL's: ! binds tightest, then &, then |.
  const parseOr = (): TsqueryNode | null => {
    let left = parseAnd();
    while (left && peek() === "|") {
      at++;
      const right = parseAnd();
      if (!right) return null;
      left = { op: "or", left, right };
    }
    return left;
  };
  const parseAnd = (): TsqueryNode | null => {
    let left = parseNot();
    while (left && peek() === "&") {
      at++;
      const right = parseNot();
      if (!right) return null;
      left = { op: "and", left, right };
    }
    return left;
  };
  const parseNot = (): TsqueryNode | null => {
    const token = peek();
    if (token === "!") {
      at++;
      const arg = parseNot();
      return arg && { op: "not", arg };
    }
    if (token === "(") {
      at++;
      const inner = parseOr();
      if (!inner || peek() !== ")") return null;
      at++;
      return inner;
    }
    if (token && typeof token === "object") {
      at++;
      return { op: "lexeme", lexeme: token.lexeme };
    }
    return null;
  };
  const tree = parseOr();
  return tree && at === tokens.length ? tree : null;
}

type Token = "&" | "|" | "!" | "(" | ")" | { lexeme: string };

/** The tokens of a tsquery's text; null when it holds what parseTsquery does not accept. */
function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === " ") i++;
    else if (ch === "&" || ch === "|" || ch === "!" || ch === "(" || ch === ")") {
      tokens.push(ch);
      i++;
    } else if (ch === "'") {
      let lexeme = "";
      i++;
      for (;;) {
        if (i >= text.length) return null;
        const c = text[i]!;
        if (c === "\\" && i + 1 < text.length) {
          lexeme += text[i + 1];
          i += 2;
        } else if (c === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          lexeme += c;
          i++;
        }
      }
      // A prefix (:*) or a weight (:A): not a plain lexeme.
      if (text[i] === ":") return null;
      tokens.push({ lexeme });
    } else return null; // "<->", "<2>" (phrases) or anything unexpected
  }
  return tokens;
}

/**
 * The words a search ranks by: the lexemes a match has (not those under a `!`),
 * each once. The relevance of an organization is the sum over them of the
 * weight of the best part of its text that has it (RELEVANCE_WEIGHTS), so the
 * in-process index and PostgreSQL (registrySearchRepository.ts) order by
 * relevance exactly alike.
 */
export function rankedLexemes(tree: TsqueryNode | { op: "empty" }): string[] {
  const found = new Set<string>();
  const walk = (node: TsqueryNode, negated: boolean) => {
    if (node.op === "lexeme") {
      if (!negated) found.add(node.lexeme);
    } else if (node.op === "not") walk(node.arg, !negated);
    else {
      walk(node.left, negated);
      walk(node.right, negated);
    }
  };
  if (tree.op !== "empty") walk(tree, false);
  return [...found];
}

/**
 * The weights of the parts of an organization's search text (refreshSearchData):
 * A its name, B its comune and measure titles, C the descriptions; in the
 * proportions of PostgreSQL's defaults for ts_rank (1, 0.4, 0.2), as integers
 * so that sums are exact in JavaScript and in SQL alike.
 */
export const RELEVANCE_WEIGHTS = { A: 5, B: 2, C: 1 } as const;

/** A lexeme as a tsquery constant, restricted to `weight` if given ('l''asil':A). */
export function tsqueryLexeme(lexeme: string, weight?: "A" | "B"): string {
  return `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${weight ? `:${weight}` : ""}`;
}
