"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { navItems } from "@/components/console/nav-items";
import { hasRole } from "@/lib/auth/roles";

export function Sidebar({ user, applicationName }: { user: { email: string; role: string }; applicationName: string }) {
  const pathname = usePathname();
  const items = navItems.filter((item) => hasRole(user.role, item.role));
  return (
    <aside className="w-full border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-b-0 md:border-r">
      <div className="flex flex-col md:sticky md:top-0 md:h-screen">
        <div className="flex items-center gap-2 px-5 py-4">
          <div className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white" aria-hidden>
            F
          </div>
          <div className="min-w-0">
            <p className="text-sm font-semibold text-slate-900">FaceID</p>
            <p className="truncate text-xs text-slate-500" title={applicationName}>
              {applicationName}
            </p>
          </div>
        </div>
        <nav aria-label="Console" className="flex-1 overflow-x-auto px-3 pb-3 md:overflow-visible">
          <ul className="flex gap-1 md:flex-col">
            {items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="border-t border-slate-100 px-5 py-4">
          <p className="truncate text-sm text-slate-800" title={user.email}>
            {user.email}
          </p>
          <p className="text-xs capitalize text-slate-500">{user.role}</p>
          <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="mt-2 text-sm font-medium text-brand-600 hover:underline">
            Sign out
          </button>
        </div>
      </div>
    </aside>
  );
}
