interface PublicOrganization {
  name: string;
  description: string;
  vatNumber: string;
  address: string;
  website: string | null;
  contactEmail: string | null;
  phone: string | null;
  lat: number;
  lon: number;
  comune: { name: string; cap: string };
  measures: { title: string; description: string }[];
}

/**
 * schema.org description of an organization, serialized for a
 * <script type="application/ld+json"> block. "<" is escaped so that no text
 * can close the script element.
 */
export function organizationJsonLd(org: PublicOrganization, url: string): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": url,
    url,
    name: org.name,
    description: org.description,
    vatID: `IT${org.vatNumber}`,
    ...(org.website ? { sameAs: org.website } : {}),
    ...(org.contactEmail ? { email: org.contactEmail } : {}),
    ...(org.phone ? { telephone: org.phone } : {}),
    address: {
      "@type": "PostalAddress",
      streetAddress: org.address,
      postalCode: org.comune.cap,
      addressLocality: org.comune.name,
      addressRegion: "BO",
      addressCountry: "IT",
    },
    location: { "@type": "Place", geo: { "@type": "GeoCoordinates", latitude: org.lat, longitude: org.lon } },
    makesOffer: org.measures.map((m) => ({
      "@type": "Offer",
      itemOffered: { "@type": "Service", name: m.title, description: m.description },
    })),
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
