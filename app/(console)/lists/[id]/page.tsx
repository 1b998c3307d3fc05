import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddFaceForms, RemoveEntryButton } from "@/components/console/list-entry-actions";
import { formatDateTime } from "@/components/console/format-date";
import { plural } from "@/components/console/plural";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getFaceList } from "@/lib/lists/get-face-list";

export const metadata: Metadata = { title: "Face list" };

export default async function FaceListPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  const app = await getConsoleApplication();
  const list = await getFaceList(getDb(), { applicationId: app.id, listId: id });
  if (!list) notFound();
  const isAdmin = hasRole(user.role, "admin");
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/lists" className="text-brand-700 hover:underline">
          ← Lists
        </Link>
      </nav>
      <PageHeader title={list.name} description={<>{plural(list.entries.length, "face")} · created {formatDateTime(list.createdAt)}</>} actions={<Badge tone={list.kind === "blocklist" ? "red" : "green"}>{list.kind}</Badge>} />
      {isAdmin ? (
        <div className="mb-6">
          <Card title="Add a face" description="Only the face template and an encrypted copy of the image are kept.">
            <AddFaceForms listId={list.id} />
          </Card>
        </div>
      ) : null}
      {list.entries.length === 0 ? (
        <EmptyState title="No faces on this list yet." />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4 2xl:grid-cols-6" aria-label="Faces">
          {list.entries.map((e) => (
            <li key={e.id} className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <div className="aspect-square bg-slate-100">
                {e.thumbnail ? (
                  // eslint-disable-next-line @next/next/no-img-element -- signed, short-lived media URL
                  <img src={e.thumbnail} alt={e.label ?? "List face"} className="h-full w-full object-cover" />
                ) : (
                  <div className="flex h-full items-center justify-center text-xs text-slate-500">no image</div>
                )}
              </div>
              <div className="space-y-1 px-3 py-2">
                <p className="truncate text-sm font-medium text-slate-900" title={e.label ?? undefined}>
                  {e.label ?? "Unlabelled"}
                </p>
                <p className="text-xs text-slate-500">{formatDateTime(e.createdAt)}</p>
                <div className="flex items-center justify-between">
                  {e.sessionId ? (
                    <Link href={`/sessions/${e.sessionId}`} className="text-xs text-brand-700 hover:underline">
                      from session
                    </Link>
                  ) : (
                    <span className="text-xs text-slate-500">uploaded</span>
                  )}
                  {isAdmin ? <RemoveEntryButton listId={list.id} entryId={e.id} /> : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
