import "express-session";

declare module "express-session" {
  interface SessionData {
    /** The reference code shown once after a citizen's advice request (/consulenza/inviata). */
    adviceReference?: string;
  }
}
