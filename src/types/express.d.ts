import type { Role } from "../generated/prisma/enums.js";
import type { Language } from "../locales/i18n.js";

declare global {
  namespace Express {
    /** What passport keeps on req.user: never the password hash. */
    interface User {
      id: number;
      email: string;
      name: string;
      role: Role;
      organizationId: number | null;
    }
    interface Locals {
      t: (key: string, options?: Record<string, unknown>) => string;
      lang: Language;
      csrfToken: () => string;
      currentPath: string;
      currentUrl: string;
      user: Express.User | undefined;
    }
  }
}

export {};
