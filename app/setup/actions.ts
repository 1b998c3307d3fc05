"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { emailSchema } from "@/lib/validation/email";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { passwordSchema } from "@/lib/users/schemas";
import { completeSetup } from "@/lib/users/complete-setup";

const setupSchema = z.object({ token: z.string().min(10), email: emailSchema, password: passwordSchema, name: z.string().trim().max(120).optional() });

export type SetupState = { error?: string };

export async function completeSetupAction(_state: SetupState, form: FormData): Promise<SetupState> {
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
