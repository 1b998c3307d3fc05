// Next.js calls register() once when the server process starts: migrate, seed, then serve.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerRuntime } = await import("@/lib/bootstrap/start-server-runtime");
  await startServerRuntime();
}
