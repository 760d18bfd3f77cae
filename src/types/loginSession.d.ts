import "express-session";

declare module "express-session" {
  interface SessionData {
    /** A login halfway: the password was right, the second factor is still to come (middleware/pendingLogin.ts). */
    pendingLogin?: { userId: number; returnTo?: string; expiresAt: number };
  }
}
