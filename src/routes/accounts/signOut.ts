import type { NextFunction, Request, Response } from "express";
import type { sessionCookie } from "../../middleware/session.js";

/** Logs out, destroys the session and its cookie, then sends the browser to `location`. */
export function signOut(req: Request, res: Response, next: NextFunction, location: string) {
  req.logout((err) => {
    if (err) return next(err);
    req.session.destroy(() => {
      const { name, options } = req.app.locals.sessionCookie as ReturnType<typeof sessionCookie>;
      res.clearCookie(name, options);
      res.redirect(303, location);
    });
  });
}
