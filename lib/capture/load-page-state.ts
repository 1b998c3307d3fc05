import { getPageCaptureState } from "@/lib/capture/get-capture-state";
import { findPageSession } from "@/lib/capture/resolve-page-language";
import type { CaptureState } from "@/lib/capture/types";
import { logger } from "@/lib/logger";

// The hosted page's state for its first render, the same as GET /api/capture/{token} answers: the start
// screen is then in the HTML instead of painted after the JavaScript and a round trip (on a phone on
// slow 4G that round trip was most of the time to the largest paint). Null for an unknown token or when
// the state cannot be read now: the page then asks for it itself and shows its own message.
export async function loadPageState(token: string, acceptLanguage: string | null): Promise<CaptureState | null> {
  const session = await findPageSession(token);
  if (!session) return null;
  try {
    return await getPageCaptureState(session, token, acceptLanguage);
  } catch (error) {
    logger.warn("hosted page state not read for the first render", { sessionId: session.id, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
