import { z } from "zod";

export const roles = ["viewer", "reviewer", "admin"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

// viewer < reviewer < admin: a role can do everything the roles before it can.
export function hasRole(actual: string, required: Role): boolean {
  const a = roles.indexOf(actual as Role);
  return a >= 0 && a >= roles.indexOf(required);
}
