/** schema.org Event of a public event page, safe inside a <script> element. */
export function eventJsonLd(
  event: {
    title: string;
    description: string;
    startsAt: Date;
    endsAt: Date | null;
    place: string;
    organizer: string;
    comune: { name: string } | null;
  },
  url: string,
): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.description || undefined,
    startDate: event.startsAt.toISOString(),
    endDate: event.endsAt?.toISOString(),
    eventAttendanceMode:
      event.comune === null && /online/i.test(event.place)
        ? "https://schema.org/OnlineEventAttendanceMode"
        : "https://schema.org/OfflineEventAttendanceMode",
    location: {
      "@type": "Place",
      name: event.place,
      address: event.comune
        ? { "@type": "PostalAddress", addressLocality: event.comune.name, addressCountry: "IT" }
        : undefined,
    },
    organizer: { "@type": "Organization", name: event.organizer },
    url,
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
