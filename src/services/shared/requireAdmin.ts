/** Someone acting in the back office, with their role. */
export type StaffActor = Pick<Express.User, "id" | "name" | "role">;

/**
 * The ADMIN-only rules again inside the services that apply them (managing
 * staff, resetting a second factor), not only in the routers: a route added
 * later without its role check still cannot do it. A refusal is a 403 (the
 * error handler reads `status`), a programming error rather than a user's.
 */
export function requireAdmin(actor: StaffActor): void {
  if (actor.role !== "ADMIN") {
    throw Object.assign(new Error(`user ${actor.id} (${actor.role}) is not an admin`), { status: 403 });
  }
}
