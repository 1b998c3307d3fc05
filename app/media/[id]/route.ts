import { NextResponse, type NextRequest } from "next/server";
import { errorResponse, handleApiError } from "@/lib/api/error-response";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readMedia } from "@/lib/media/blob-store";
import { checkSignedMediaUrl } from "@/lib/media/signed-url";

export const dynamic = "force-dynamic";

// GET /media/{id}?expires&signature – a stored image behind a signed link that works for 60 minutes
export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await ctx.params;
    const url = new URL(req.url);
    const check = checkSignedMediaUrl({ id, expires: url.searchParams.get("expires"), signature: url.searchParams.get("signature") });
    if (check === "invalid") return errorResponse(new AppError("forbidden", "This media link is not valid."));
    if (check === "expired") return errorResponse(new AppError("gone", "This media link has expired; fetch the resource again for a fresh link."));
    const media = await readMedia(getDb(), id);
    if (!media) throw new AppError("not_found", "This media no longer exists.");
    return new NextResponse(new Uint8Array(media.bytes), {
      headers: { "content-type": media.mimeType, "cache-control": "private, no-store", "content-disposition": "inline" },
    });
  } catch (error) {
    return handleApiError(error);
  }
}
