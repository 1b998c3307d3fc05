import { NextResponse, type NextRequest } from "next/server";
import { DEVICE_COOKIE, newDeviceId } from "@/lib/capture/start-capture";
import { getEnv } from "@/lib/env";

// The device cookie identifies a browser for adaptive step-up: random, httpOnly, a year long, only ever
// stored hashed (per application) on the server.
export function readOrMintDeviceId(req: NextRequest): { deviceId: string; minted: boolean } {
  const existing = req.cookies.get(DEVICE_COOKIE)?.value;
  if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return { deviceId: existing, minted: false };
  return { deviceId: newDeviceId(), minted: true };
}

export function withDeviceCookie(res: NextResponse, device: { deviceId: string; minted: boolean }): NextResponse {
  if (device.minted) {
    // SameSite=None lets the cookie work when the page is embedded in an iframe on the customer's site
    const secure = getEnv().publicUrl.startsWith("https://");
    res.cookies.set(DEVICE_COOKIE, device.deviceId, { httpOnly: true, sameSite: secure ? "none" : "lax", secure, maxAge: 365 * 86_400, path: "/" });
  }
  res.headers.set("cache-control", "no-store");
  return res;
}
