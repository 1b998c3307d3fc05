import { redirect } from "next/navigation";
import { getConsoleUser } from "@/lib/auth/get-console-user";

export const dynamic = "force-dynamic";

// "/" is the console's front door: the overview when signed in, otherwise the login page.
export default async function HomePage() {
  const user = await getConsoleUser();
  redirect(user ? "/overview" : "/login");
}
