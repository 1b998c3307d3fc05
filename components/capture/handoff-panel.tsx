"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import type { CaptureStrings } from "@/lib/capture/i18n";
import { Icon } from "./icons";

// Desktop -> phone hand-off: the same capture URL as a QR code and a copy-link button. The desktop
// page keeps polling the session, so it follows whatever happens on the phone.
export function HandoffPanel({ url, strings }: { url: string; strings: CaptureStrings }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M", color: { dark: "#0f172a", light: "#ffffff" } })
      .then((s) => live && setSvg(s))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [url]);

  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(t);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      const input = document.createElement("textarea");
      input.value = url;
      document.body.appendChild(input);
      input.select();
      document.execCommand("copy");
      input.remove();
    }
    setCopied(true);
  };

  return (
    <section aria-labelledby="handoff-title" data-testid="handoff" className="flex flex-col items-center rounded-2xl bg-slate-50 px-6 py-7 text-center ring-1 ring-slate-200/70">
      <span className="grid size-10 place-items-center rounded-full bg-white text-slate-700 shadow-sm ring-1 ring-slate-200">
        <Icon name="phone" width={20} height={20} />
      </span>
      <h2 id="handoff-title" className="mt-3 text-lg font-semibold text-slate-900">
        {strings.start.phoneTitle}
      </h2>
      <p className="mt-1 max-w-xs text-sm leading-relaxed text-slate-600">{strings.start.phoneLead}</p>
      <div role="img" aria-label={strings.start.qrLabel} data-testid="handoff-qr" className="mt-5 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        {svg ? <div className="size-44 [&>svg]:size-full" dangerouslySetInnerHTML={{ __html: svg }} /> : <div className="size-44 animate-pulse motion-reduce:animate-none rounded-lg bg-slate-100" />}
      </div>
      <button
        type="button"
        onClick={copy}
        className="mt-5 inline-flex min-h-11 items-center gap-2 rounded-xl px-4 text-sm font-semibold text-[var(--brand-ink)] transition hover:bg-white focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-[var(--brand)]"
      >
        <Icon name={copied ? "check" : "copy"} width={18} height={18} />
        {copied ? strings.start.copied : strings.start.copyLink}
      </button>
      <span role="status" className="sr-only">
        {copied ? strings.start.copied : ""}
      </span>
    </section>
  );
}
