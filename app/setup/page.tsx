import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthShell title="Create the first admin" subtitle="This link works once and expires 24 hours after start-up.">
      {token ? <SetupForm token={token} /> : <p className="text-sm text-slate-600">Open the setup link printed by the server on first start.</p>}
    </AuthShell>
  );
}
