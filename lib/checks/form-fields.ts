import type { MultipartForm, MultipartValue } from "@/lib/api/read-multipart-form";
import { AppError } from "@/lib/errors";

// Typed access to multipart fields with the API's error shape: the first present name wins, so the
// service's two spellings (source_image / user_image, target_image / ref_image) both work.
export function getFileField(form: MultipartForm, names: string[]): { name: string; bytes: Uint8Array } | null {
  for (const name of names) {
    const value = form.get(name);
    if (value === null || value === "") continue;
    return { name, bytes: fileBytes(value, name) };
  }
  return null;
}

// One multipart value that must be a file (fields sent as text are refused with the field's name).
export function fileBytes(value: MultipartValue, field: string): Uint8Array {
  if (typeof value === "string") throw new AppError("validation_error", `${field} must be an uploaded image file, not a text field.`, { field });
  return value.bytes;
}

export function getTextField(form: MultipartForm, name: string, maxLength = 1000): string | null {
  const value = form.get(name);
  if (value === null || value === "") return null;
  if (typeof value !== "string") throw new AppError("validation_error", `${name} must be a text field.`, { field: name });
  if (value.length > maxLength) throw new AppError("validation_error", `${name} is longer than ${maxLength} characters.`, { field: name });
  return value;
}

/** A text field holding JSON: its value, null when absent, undefined when it is not JSON. */
export function getJsonField(form: MultipartForm, name: string, maxLength = 1000): unknown {
  const raw = getTextField(form, name, maxLength);
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Whether `value` is an array of `count` finite numbers. */
export function isNumberArray(value: unknown, count: number): value is number[] {
  return Array.isArray(value) && value.length === count && value.every((x) => typeof x === "number" && Number.isFinite(x));
}

export function getBooleanField(form: MultipartForm, name: string): boolean | null {
  const value = getTextField(form, name, 10);
  if (value === null) return null;
  const v = value.toLowerCase();
  if (["true", "1", "yes", "on"].includes(v)) return true;
  if (["false", "0", "no", "off"].includes(v)) return false;
  throw new AppError("validation_error", `${name} must be true or false.`, { field: name });
}

export function getScoreField(form: MultipartForm, name: string): number | null {
  const value = getTextField(form, name, 20);
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new AppError("validation_error", `${name} must be a number from 0 to 100.`, { field: name });
  return n;
}
