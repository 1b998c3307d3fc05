import type { Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; role: Role };

// The console's areas. Pages check the role again on the server; hiding a link is only a courtesy.
export const navItems: NavItem[] = [
  { href: "/overview", label: "Overview", role: "viewer" },
  { href: "/sessions", label: "Sessions", role: "viewer" },
  { href: "/review", label: "Review queue", role: "viewer" },
  { href: "/workflows", label: "Workflows", role: "viewer" },
  { href: "/tuning", label: "Threshold tuning", role: "viewer" },
  { href: "/playground", label: "Playground", role: "viewer" },
  { href: "/users", label: "Users", role: "viewer" },
  { href: "/lists", label: "Lists", role: "viewer" },
  { href: "/api-requests", label: "API requests", role: "viewer" },
  { href: "/audit", label: "Audit log", role: "viewer" },
  { href: "/webhooks", label: "Webhooks", role: "admin" },
  { href: "/api-keys", label: "API keys", role: "admin" },
  { href: "/settings", label: "Settings", role: "admin" },
];
