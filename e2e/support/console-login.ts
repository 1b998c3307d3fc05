// Signs in to the console through next-auth's real credentials flow. `headers` lets a test speak
// from a given client address (X-Forwarded-For) or browser.
export type SignInResult = { cookie: string | null; error: string | null };

export async function signInConsole(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInResult> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  const location = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  const error = location ? new URL(location, baseUrl).searchParams.get("error") : null;
  return { cookie: session ? session.split(";")[0] : null, error };
}

// The session cookie, or null when the sign-in was refused.
export async function loginConsole(baseUrl: string, email: string, password: string): Promise<string | null> {
  return (await signInConsole(baseUrl, email, password)).cookie;
}

// Signs out the way the console's button does (next-auth's CSRF token + POST /api/auth/signout).
export async function signOutConsole(baseUrl: string, sessionCookie: string): Promise<number> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: sessionCookie } });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookies = [sessionCookie, ...csrfRes.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
  return res.status;
}
