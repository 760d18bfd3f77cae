/**
 * The Pact's text until staff edit it at /admin/impostazioni (SiteContent
 * "pact"). Written from the Metropolitan Strategic Plan's project "Politiche di
 * welfare aziendale in un sistema di welfare condiviso". Paragraphs are
 * separated by a blank line and shown as plain, escaped text.
 */
export const PACT_CONTENT_KEY = "pact";

export const defaultPactText = {
  it: `Patto metropolitano per il welfare aziendale territoriale

Le Istituzioni, le Associazioni di categoria, le Organizzazioni sindacali, le imprese e gli enti del terzo settore che sottoscrivono questo Patto riconoscono che il welfare aziendale può diventare una leva di sviluppo del territorio quando produce benessere non solo per i lavoratori, ma anche per i cittadini che vivono vicino all'impresa.

I firmatari si impegnano a costruire, insieme alla Città metropolitana di Bologna, un sistema territoriale di welfare integrato con i servizi pubblici: conciliazione dei tempi di vita e di lavoro, cura dei minori e degli anziani, salute e prevenzione, iniziative educative, ricreative e culturali.

Si impegnano a distinguere ciò che è un semplice benefit aziendale da ciò che è un'iniziativa di welfare territoriale, a rendere pubbliche nel Registro le misure attivate e a partecipare ai momenti formativi e informativi promossi dalla Città metropolitana.

Sostengono la costruzione di reti di piccole e medie imprese, perché ogni impresa, a prescindere dalla sua dimensione, possa offrire misure di welfare condivise, come l'assistente familiare condivisa o le baby sitter formate disponibili anche "on demand".

Il Patto è aperto: ogni impresa iscritta al Registro e ogni soggetto del territorio che ne condivide le finalità può sottoscriverlo in qualsiasi momento.`,
  en: `Metropolitan Pact for territorial company welfare

The institutions, trade associations, trade unions, firms and third-sector bodies that sign this Pact recognise that company welfare can become a lever for the development of the territory when it produces well-being not only for workers but also for the citizens who live near the firm.

The signatories commit themselves to build, together with the Città metropolitana di Bologna, a territorial welfare system integrated with public services: work–life balance, care of children and of the elderly, health and prevention, educational, recreational and cultural initiatives.

They commit themselves to tell a mere company benefit from a territorial welfare initiative, to publish in the Register the measures they activate, and to take part in the training and information meetings promoted by the Città metropolitana.

They support the building of networks of small and medium firms, so that every firm, whatever its size, can offer shared welfare measures, such as a shared family assistant or trained babysitters available also "on demand".

The Pact is open: every firm in the Register and every local body that shares its aims can sign it at any time.`,
};

/** Plain text to paragraphs (blank-line separated); the view escapes each one. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
