import type { NextFunction, Request, Response } from "express";

/** Logs out, destroys the session and its cookie, then sends the browser to `location`. */
export function signOut(req: Request, res: Response, next: NextFunction, location: string) {
  req.logout((err) => {
    if (err) return next(err);
    req.session.destroy(() => {
      res.clearCookie("rwb.sid");
      res.redirect(303, location);
    });
  });
}
