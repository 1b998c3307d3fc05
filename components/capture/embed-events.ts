// Events for a page that embeds the hosted capture page in an iframe (API.md, "Hosted page"):
// window.parent.postMessage({type, data}, "*"). Nothing secret is ever posted: the session id and
// its status are what the embedding page already knows or is about to receive by webhook.
export type EmbedEvent =
  | { type: "didit:ready"; data: { sessionId: string } }
  | { type: "didit:started"; data: Record<string, never> }
  | { type: "didit:step_started"; data: { step: "face" } }
  | { type: "didit:media_started"; data: Record<string, never> }
  | { type: "didit:media_captured"; data: { step: "face"; isAuto: boolean } }
  | { type: "didit:verification_submitted"; data: Record<string, never> }
  | { type: "didit:status_updated"; data: { status: string } }
  | { type: "didit:completed"; data: { sessionId: string; status: string } }
  | { type: "didit:cancelled"; data: Record<string, never> }
  | { type: "didit:error"; data: { error: string } };

export function isEmbedded(): boolean {
  try {
    return typeof window !== "undefined" && window.parent !== window;
  } catch {
    return true;
  }
}

export function postEmbedEvent(event: EmbedEvent): void {
  if (!isEmbedded()) return;
  try {
    window.parent.postMessage(event, "*");
  } catch {
    // a detached parent: nobody is listening
  }
}
