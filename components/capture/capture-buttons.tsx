"use client";

import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "./use-hydrated";

// Large, thumb-friendly buttons in the integrator's colour (44px+ targets, visible focus ring). A screen
// that comes with the page's HTML works only once the JavaScript has hydrated it: until then its buttons
// show as disabled rather than swallow a tap on a slow phone (each button renders again on its own).
type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "ghost" };

const variants = {
  primary: "bg-[var(--brand)] text-[var(--brand-fg)] shadow-sm hover:brightness-95 active:brightness-90",
  secondary: "bg-white text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
  ghost: "text-slate-700 hover:bg-slate-100",
};

export function CaptureButton({ variant = "primary", className = "", type = "button", disabled, ...props }: Props) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      disabled={disabled || !hydrated}
      className={`inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 text-[15px] font-semibold transition focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-[var(--brand)] disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]} ${className}`}
      {...props}
    />
  );
}
