import { Sidebar } from "@/components/console/sidebar";
import { Providers } from "@/components/providers";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("viewer");
  const application = await getConsoleApplication();
  return (
    <Providers>
      <div className="flex min-h-full flex-col md:flex-row">
        <Sidebar user={user} applicationName={application.name} />
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">{children}</main>
      </div>
    </Providers>
  );
}
