import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakePlace {
  display_name: string;
  lat: string;
  lon: string;
  place_rank: number;
}

export interface FakeNominatim {
  url: string;
  /** Every request received: its q, its User-Agent and when it arrived (ms). */
  requests: { q: string; userAgent: string; format: string; at: number }[];
  /** Answers for a query (matched lower-cased, as a substring of q); anything else gets []. */
  places: Map<string, FakePlace[]>;
  mode: "ok" | "error" | "slow";
  close(): Promise<void>;
}

/** A local server speaking Nominatim's /search?q=...&format=jsonv2, so no test reaches the internet. */
export async function startFakeNominatim(): Promise<FakeNominatim> {
  const fake: Omit<FakeNominatim, "url" | "close"> = { requests: [], places: new Map(), mode: "ok" };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const q = url.searchParams.get("q") ?? "";
    fake.requests.push({
      q,
      userAgent: String(req.headers["user-agent"] ?? ""),
      format: url.searchParams.get("format") ?? "",
      at: Date.now(),
    });
    if (url.pathname !== "/search") return void res.writeHead(404).end();
    if (fake.mode === "error") return void res.writeHead(503, { "content-type": "text/plain" }).end("overloaded");
    const answer = () => {
      const key = [...fake.places.keys()].find((k) => q.toLowerCase().includes(k));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(key ? fake.places.get(key) : []));
    };
    if (fake.mode === "slow") setTimeout(answer, 6_000);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as FakeNominatim;
}

export const place = (display_name: string, lat: number, lon: number, place_rank = 30): FakePlace => ({
  display_name,
  lat: String(lat),
  lon: String(lon),
  place_rank,
});
