"use client";

import { EngineCrops, FaceOverlaySvg } from "@/components/cases/face-overlay";
import type { PlaygroundImage } from "@/lib/playground/run-playground-check";
import { useObjectUrl } from "./use-object-url";

// One uploaded image with what the engine found on it (boxes, alignment points, crop outlines) and the
// crops its models were fed: the case view's "Show what the engine used", for an upload.
export function EngineView({ image, file, title }: { image: PlaygroundImage; file: File | null; title: string }) {
  const { overlay } = image;
  const url = useObjectUrl(file);
  return (
    <figure className="min-w-0" data-testid={`engine-view-${image.field}`}>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{title}</figcaption>
      <div className="relative aspect-[4/3] overflow-hidden rounded-lg bg-slate-900">
        {url ? (
          // eslint-disable-next-line @next/next/no-img-element -- a local object URL of the uploaded file
          <img src={url} alt={title} className="h-full w-full object-contain" />
        ) : null}
        <FaceOverlaySvg overlay={overlay} />
      </div>
      {overlay.faces.length > 1 ? (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-800" data-testid="several-faces">
          {overlay.faces.length} faces found; the largest (green box) was used, as the API does.
        </p>
      ) : null}
      {overlay.rotation ? <p className="mt-1 text-xs text-slate-500">The face was found after turning the image {overlay.rotation}°.</p> : null}
      <div className="mt-2">
        <EngineCrops overlay={overlay} />
      </div>
    </figure>
  );
}
