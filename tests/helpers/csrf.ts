/** The CSRF token of the first form in a page, as a browser would send it. */
export function csrfFrom(html: string): string {
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!token) throw new Error("no CSRF token in the page");
  return token;
}

/** The Cookie header a browser sends after `res`: the cookies in `jar` and those `res` set (the CSRF cookie). */
export function withCookies(res: { headers: Record<string, unknown> }, jar = ""): string {
  const set = ([] as string[]).concat((res.headers["set-cookie"] as string[] | undefined) ?? []);
  const pairs = new Map(
    [...jar.split(/;\s*/), ...set.map((c) => c.split(";")[0]!)]
      .filter((p) => p.includes("="))
      .map((p) => [p.slice(0, p.indexOf("=")), p] as const),
  );
  return [...pairs.values()].join("; ");
}
