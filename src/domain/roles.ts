import { Role } from "../generated/prisma/enums.js";

/** Every role an account can have: what /account and the second factor's pages let in. */
export const ALL_ROLES = Object.values(Role);

/** The area each role works in: where a login leads and the header's link with the user's name. */
const AREA: Record<Role, string> = {
  COMPANY: "/impresa",
  REVIEWER: "/admin",
  ADMIN: "/admin",
  LOCAL_AUTHORITY: "/ente",
};

export const areaOf = (role: Role): string => AREA[role];
