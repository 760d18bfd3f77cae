import "express-session";

declare module "express-session" {
  interface SessionData {
    /** The reference code shown once after a citizen's advice request (/consulenza/inviata). */
    adviceReference?: string;
    /** What a sign-up for an event gave, shown once (/eventi/:slug/iscrizione/esito). */
    eventSignUp?: { slug: string; status: "CONFIRMED" | "WAITING"; position: number };
    /** When the user logged in (ms): a login ends SESSION_MAX_HOURS later however active (middleware/session.ts). */
    loginAt?: number;
    /** passport's part: the signed-in user's id. */
    passport?: { user?: number };
  }
}
