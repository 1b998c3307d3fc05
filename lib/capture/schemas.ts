import { z } from "zod";
import { SUPPORTED_LANGUAGES } from "@/lib/capture/languages";

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, "must be base64url");

// POST /api/capture/{token}/start: the page's proof that it holds its device key (absent when the
// browser has no WebCrypto or IndexedDB: the device then counts as new). `avoid_flashing`: the person
// chose the head-turn check instead of flashing colours (also accepted once the capture has started).
export const startCaptureSchema = z.object({
  device_key: z.object({ public_key: base64url.max(200), signature: base64url.max(200) }).optional(),
  avoid_flashing: z.boolean().optional(),
});

// POST /api/capture/{token}/burst: a nonce for the capture burst answering this challenge.
export const burstRequestSchema = z.object({ challenge_id: z.string().min(1).max(100) });

// POST /api/capture/{token}/language: the person's choice in the page's language menu.
export const captureLanguageSchema = z.object({ language: z.enum(SUPPORTED_LANGUAGES) });
