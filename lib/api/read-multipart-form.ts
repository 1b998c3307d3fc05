import busboy from "busboy";
import { startBodyReadDeadline } from "@/lib/api/body-read-deadline";
import { AppError, isAppError } from "@/lib/errors";

// Multipart bodies are streamed through busboy with a hard byte cap, so an oversized or endless
// upload is refused without buffering it all, and each file arrives as one Buffer (the web
// FormData parser copied every image four times on its way to the decoder, ~7 ms and a lot of
// garbage per face match). Two 5 MB images plus fields fit in the default cap.
export const MAX_MULTIPART_BYTES = 11 * 1024 * 1024;
// The cap of a check that takes one image (liveness, search): one 5 MB image plus fields.
export const MAX_ONE_IMAGE_MULTIPART_BYTES = 6 * 1024 * 1024;
// a head-turn answer is the largest: 4 frames, a trace of up to 96 small ones, a few fields
const MAX_PARTS = 128;

/** An uploaded file part: the bytes as sent, with the name and type the client gave. */
export type UploadedFile = { filename: string; type: string; bytes: Uint8Array };
export type MultipartValue = string | UploadedFile;

/** The parsed fields of a multipart body, in the order sent (FormData's get/getAll). */
export class MultipartForm {
  private readonly entries: [string, MultipartValue][] = [];
  append(name: string, value: MultipartValue): void {
    this.entries.push([name, value]);
  }
  get(name: string): MultipartValue | null {
    return this.entries.find(([n]) => n === name)?.[1] ?? null;
  }
  getAll(name: string): MultipartValue[] {
    return this.entries.filter(([n]) => n === name).map(([, v]) => v);
  }
}

function tooLarge(max: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${Math.round(max / 1024 / 1024)} MB; each image may be at most 5 MB.`);
}

const unparsable = () => new AppError("validation_error", "The multipart body could not be parsed.");

function parse(body: ReadableStream<Uint8Array>, contentType: string, max: number): Promise<MultipartForm> {
  return new Promise((resolve, reject) => {
    const form = new MultipartForm();
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, limits: { parts: MAX_PARTS, fieldSize: 1024 * 1024 } });
    } catch {
      reject(unparsable());
      return;
    }
    let failed = false;
    const fail = (error: AppError) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // a body that ends inside a file part
      stream.on("error", () => fail(unparsable()));
      stream.on("end", () => form.append(name, { filename: info.filename ?? "", type: info.mimeType, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) }));
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(new AppError("validation_error", `${name} is too long.`, { field: name }));
      else form.append(name, value);
    });
    parser.on("partsLimit", () => fail(new AppError("validation_error", `The multipart body has more than ${MAX_PARTS} parts.`)));
    parser.on("error", () => fail(unparsable()));
    parser.on("close", () => {
      if (!failed) resolve(form);
    });

    const reader = body.getReader();
    const deadline = startBodyReadDeadline(reader);
    let total = 0;
    const pump = async () => {
      for (;;) {
        const { done, value } = await deadline.read();
        if (failed) {
          await reader.cancel();
          return;
        }
        if (done) {
          parser.end();
          return;
        }
        total += value.byteLength;
        if (total > max) {
          fail(tooLarge(max));
          await reader.cancel();
          return;
        }
        // busboy wants Buffers; this wraps the chunk's memory, it does not copy it
        if (!parser.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength))) await new Promise((r) => parser.once("drain", r));
      }
    };
    pump()
      .catch((error) => fail(isAppError(error) ? error : unparsable()))
      .finally(() => deadline.stop());
  });
}

export async function readMultipartForm(req: Request, max = MAX_MULTIPART_BYTES): Promise<MultipartForm> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send this request as multipart/form-data with the images as file fields.");
  }
  if (Number(req.headers.get("content-length") ?? 0) > max) throw tooLarge(max);
  if (!req.body) throw new AppError("validation_error", "The request body is empty.");
  return parse(req.body, type, max);
}
