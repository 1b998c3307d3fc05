import type { Page, Route } from "@playwright/test";
import type { CaptureChallenge, CaptureState, FrameResult } from "../../lib/capture/types";

// The hosted page served by the real server, with its capture API answered by the test (page.route),
// so a spec reaches any screen on demand: a challenge of each method, a retry, a result, an expiry.
export const mockToken = "tok_mock_capture";

export function makeCaptureState(baseUrl: string, over: Partial<CaptureState> = {}): CaptureState {
  return {
    sessionId: "3f6c2a4e-0000-4000-8000-000000000001",
    sessionNumber: 1042,
    status: "Not Started",
    workflowType: "default",
    language: "en",
    branding: { name: "Northwind Bank", color: "#0f766e", logoUrl: null },
    captureUrl: `${baseUrl}/verify/${mockToken}`,
    callback: null,
    step: { type: "start" },
    lastAttempt: null,
    deviceNonce: null,
    flashingLight: false,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    ...over,
  };
}

export const capturing = (challenge: CaptureChallenge, attempt = 1): Partial<CaptureState> => ({ status: "In Progress", step: { type: "capture", challenge, attempt, maxAttempts: 3 } });

// `frames`: when given, each upload's frame count is recorded; `startBodies`: each start request's body
export type CaptureMock = { state: CaptureState; onStart?: CaptureState; onFrames?: FrameResult; frameDelayMs?: number; frames?: number[]; startBodies?: unknown[] };

export async function openMockedCapture(page: Page, baseUrl: string, mock: CaptureMock): Promise<void> {
  await page.route(`**/api/capture/${mockToken}**`, async (route: Route) => {
    const req = route.request();
    const url = new URL(req.url());
    const json = (body: unknown) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
    if (url.pathname.endsWith("/start")) {
      mock.startBodies?.push(req.postDataJSON());
      mock.state = mock.onStart ?? mock.state;
      return json(mock.state);
    }
    if (url.pathname.endsWith("/burst")) return json({ nonce: "n", frames: 5, intervalMs: 200 });
    if (url.pathname.endsWith("/frames")) {
      mock.frames?.push(req.postDataBuffer()?.toString("latin1").match(/filename="frame-\d+\.jpg"/g)?.length ?? 0);
      await new Promise((r) => setTimeout(r, mock.frameDelayMs ?? 600));
      // a test that only looks at the camera screen: the same challenge again
      const result = mock.onFrames ?? { outcome: "retry", reason: null, state: mock.state };
      mock.state = result.state;
      return json(result);
    }
    return json(mock.state);
  });
  await page.goto(`${baseUrl}/verify/${mockToken}`);
}
