// Next.js calls register() once when the server process starts: migrate, seed, then serve.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // first, so that every request served from here on carries its socket address (lib/ip)
  (await import("@/lib/ip/stamp-peer-address")).stampPeerAddress();
  const { startServerRuntime } = await import("@/lib/bootstrap/start-server-runtime");
  await startServerRuntime();
}
