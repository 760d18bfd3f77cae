/** The CSRF token of the first form in a page, as a browser would send it. */
export function csrfFrom(html: string): string {
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!token) throw new Error("no CSRF token in the page");
  return token;
}
