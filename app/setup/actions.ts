"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkRequestOriginOrThrow } from "@/lib/auth/check-request-origin";
import { emailSchema } from "@/lib/validation/email";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { passwordSchema } from "@/lib/users/schemas";
import { completeSetup } from "@/lib/users/complete-setup";

const setupSchema = z.object({ token: z.string().min(10), email: emailSchema, password: passwordSchema, name: z.string().trim().max(120).optional() });

export type SetupState = { error?: string };

// Next.js compares a server action's Origin with its Host itself; the console's own origin policy is
// applied as well, so this form follows the same rule as every console change.
export async function completeSetupAction(_state: SetupState, form: FormData): Promise<SetupState> {
  try {
    checkRequestOriginOrThrow(await headers(), getEnv().publicUrl);
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  try {
    await completeSetup(getDb(), parsed.data);
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  redirect("/login?setup=done");
}
