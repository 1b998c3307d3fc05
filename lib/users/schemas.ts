import { z } from "zod";
import { emailSchema } from "@/lib/validation/email";
import { roleSchema } from "@/lib/auth/roles";

export const passwordSchema = z.string().min(10, "Use at least 10 characters").max(256);

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120).optional(),
  password: passwordSchema,
  role: roleSchema,
});

export const updateUserSchema = z.object({
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
