import { z } from "zod";

// Deliberately lenient (something@something): internal domains and short TLDs like a@b.c are real in
// self-hosted setups; a confirmation is not sent, so stricter syntax checks only lock people out.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, "Enter an email address like name@example.com");
