import Link from "next/link";
import { AuthShell } from "@/components/auth/auth-shell";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  return (
    <AuthShell title="Not allowed" subtitle={need ? `This page needs the ${need} role.` : "Your role cannot open this page."}>
      <p className="text-sm text-slate-600">Ask an admin to change your role if you need access.</p>
      <Link href="/overview" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">
        Back to the overview
      </Link>
    </AuthShell>
  );
}
