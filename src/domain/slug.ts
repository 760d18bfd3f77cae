/** URL slugs (networks, events, news): lower case, ASCII, dashes; `fallback` when nothing is left. */
export function slugify(name: string, fallback = "rete"): string {
  return (
    name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || fallback
  );
}
