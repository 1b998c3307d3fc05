import { redirect } from "next/navigation";
import { getConsoleUser, type ConsoleUser } from "@/lib/auth/get-console-user";
import { hasRole, type Role } from "@/lib/auth/roles";

// For console pages (server components): not signed in -> login; signed in without the role -> the
// "not allowed" page. Pages never render data for a role that may not see it.
export async function requirePageUser(role: Role = "viewer"): Promise<ConsoleUser> {
  const user = await getConsoleUser();
  if (!user) redirect("/login");
  if (!hasRole(user.role, role)) redirect(`/forbidden?need=${role}`);
  return user;
}
