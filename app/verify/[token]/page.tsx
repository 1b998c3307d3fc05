import { CapturePage } from "@/components/capture/capture-page";

// /verify/{token} – the hosted capture page; everything after the first paint happens in the browser
// against /api/capture/{token} (lib/capture/types.ts).
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <CapturePage token={token} />;
}
