/**
 * The texts of /progetto until admins edit them at /admin/impostazioni/progetto
 * (SiteContent "project.description" and "project.aims"), Markdown rendered by
 * domain/markdown.ts. Written from the Metropolitan Strategic Plan's project
 * sheet "Politiche di welfare aziendale in un sistema di welfare condiviso"
 * (May 2015).
 */
export const PROJECT_CONTENT_KEYS = { description: "project.description", aims: "project.aims" } as const;

export const defaultProjectText = {
  description: {
    it: `Il progetto **«Politiche di welfare aziendale in un sistema di welfare condiviso»** del Piano strategico metropolitano di Bologna realizza un registro che individua le imprese che hanno attivato, o vogliono attivare, dispositivi rivolti ai propri lavoratori ed estendibili ai cittadini che vivono vicino all'azienda: conciliazione famiglia-lavoro, cura dei minori e degli anziani, salute e prevenzione, iniziative educative e ricreative, il tutto in un'ottica di sviluppo del territorio.

Il progetto si integra con altri progetti del Piano strategico metropolitano: il ridisegno del sistema socio-sanitario e socio-assistenziale, Empowerment e Comunità, le politiche e i sostegni alla domiciliarità, la prevenzione e la promozione della salute, i servizi in rete per l'occupazione giovanile e la riorganizzazione della rete metropolitana dei servizi per il lavoro.`,
    en: `The project **"Company welfare policies in a shared welfare system"** of the Metropolitan Strategic Plan of Bologna builds a register of the firms that have activated, or want to activate, measures for their workers that can be extended to the citizens living near the firm: work–family balance, care of children and of the elderly, health and prevention, educational and recreational initiatives, all as development of the territory.

The project is linked with other projects of the Metropolitan Strategic Plan: the redesign of the health and social care system, Empowerment and Community, policies supporting care at home, prevention and health promotion, networked services for youth employment and the reorganisation of the metropolitan network of employment services.`,
  },
  aims: {
    it: `Con il Registro delle imprese impegnate in un sistema di welfare aziendale si vogliono **condividere e valorizzare le pratiche già in corso** e accompagnare le imprese e gli enti locali nei loro piani di miglioramento e sviluppo, in una strategia metropolitana che vede nel welfare aziendale, gestito in modo integrato fra pubblico e privato, un vantaggio competitivo per lo sviluppo del territorio.

Le attività previste:

- la sottoscrizione di un [Patto](/patto) fra Istituzioni, Associazioni di categoria, Organizzazioni sindacali e singole imprese;
- la definizione dei contenuti e delle caratteristiche tecnico-operative del [Registro](/registro);
- [momenti formativi e informativi](/eventi), anche per distinguere ciò che è un semplice benefit aziendale da un'iniziativa di welfare che produce benessere sul territorio;
- la condivisione e la promozione del Registro con parti sociali, imprese e cittadini, con un piano di comunicazione pubblico;
- il sostegno alla costruzione di [reti di piccole e medie imprese](/reti), perché il welfare aziendale non dipenda dalle dimensioni dell'impresa;
- il sostegno a nuovi dispositivi di welfare aziendale da sperimentare nelle aziende;
- il [monitoraggio e la valutazione](/statistiche) dei risultati, per un miglioramento continuo;
- un [servizio pubblico di consulenza](/consulenza) che riduca l'asimmetria informativa dei cittadini rispetto ai servizi offerti dal mercato privato.`,
    en: `The Register of firms committed to a company welfare system aims to **share and promote the practices already under way** and to support firms and local authorities in their plans for improvement and development, within a metropolitan strategy that sees company welfare, run jointly by the public and private sectors, as a competitive advantage for the development of the territory.

The planned activities:

- a [Pact](/patto) signed by institutions, trade associations, trade unions and individual firms;
- defining the content and the technical and operational features of the [Register](/registro);
- [training and information meetings](/eventi), also to tell a mere company benefit from a welfare initiative that produces well-being for the territory;
- sharing and promoting the Register with social partners, firms and citizens, with a public communication plan;
- supporting [networks of small and medium firms](/reti), so that company welfare does not depend on the size of the firm;
- supporting new company welfare measures to be tried out in firms;
- [monitoring and evaluating](/statistiche) the results, for continuous improvement;
- a [public advisory service](/consulenza) that reduces the information gap of citizens about the services sold on the private market.`,
  },
};
