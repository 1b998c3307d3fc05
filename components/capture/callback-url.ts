/** The integrator's callback with the outcome appended: ?verificationSessionId=<id>&status=<status>. */
export function buildCallbackUrl({ callback, sessionId, status }: { callback: string; sessionId: string; status: string }): string | null {
  let url: URL;
  try {
    url = new URL(callback);
  } catch {
    return null;
  }
  // never follow a javascript: or data: callback, whatever the session was created with
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  url.searchParams.set("verificationSessionId", sessionId);
  url.searchParams.set("status", status);
  return url.toString();
}
