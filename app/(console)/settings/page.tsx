import type { Metadata } from "next";
import { ApplicationSettingsForm } from "@/components/console/application-settings-form";
import { CaseDecisionSettings } from "@/components/console/case-decision-settings";
import { BrandingForm } from "@/components/console/branding-form";
import { EmbeddingForm } from "@/components/console/embedding-form";
import { HostedLanguageForm } from "@/components/console/hosted-language-form";
import { TeamManager } from "@/components/console/team-manager";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Settings" description="Application defaults, data retention, the hosted page's branding and embedding, and the people who can use this console." />
      <div className="space-y-6">
        <ApplicationSettingsForm />
        <CaseDecisionSettings />
        <BrandingForm />
        <EmbeddingForm />
        <HostedLanguageForm />
        <TeamManager currentUserId={user.id} />
      </div>
    </>
  );
}
