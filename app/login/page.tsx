import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { LoginForm } from "@/components/auth/login-form";
import { getConsoleUser } from "@/lib/auth/get-console-user";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await getConsoleUser()) redirect("/overview");
  return (
    <AuthShell title="Sign in to FaceID" subtitle="Verification console">
      <LoginForm />
    </AuthShell>
  );
}
