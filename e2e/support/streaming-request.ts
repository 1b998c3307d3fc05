import http from "node:http";

export type StreamedResponse = { status: number; body: string; bytesSent: number; ms: number };

// A POST whose body is streamed and never finished by the client (chunked, no Content-Length unless
// given): it writes `chunk` repeatedly, at most `maxBytes` and at most once per `intervalMs`, and
// resolves as soon as the server answers. Shows that the server answers without waiting for the
// body, and how much of it had been sent by then. Fails after `timeoutMs` without an answer.
export function sendUnfinishedBody(input: {
  url: string;
  headers?: Record<string, string>;
  chunk: Buffer;
  maxBytes: number;
  intervalMs?: number;
  timeoutMs?: number;
  prefix?: Buffer;
}): Promise<StreamedResponse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    let timer: NodeJS.Timeout | undefined;
    const req = http.request(input.url, { method: "POST", headers: input.headers });
    const deadline = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${input.timeoutMs ?? 10_000} ms after sending ${bytesSent} bytes`));
    }, input.timeoutMs ?? 10_000);
    const write = () => {
      if (answered || bytesSent >= input.maxBytes) return;
      bytesSent += input.chunk.length;
      const drained = req.write(input.chunk);
      if (input.intervalMs) timer = setTimeout(write, input.intervalMs);
      else if (drained) setImmediate(write);
      else req.once("drain", write);
    };
    req.on("response", (res) => {
      answered = true;
      clearTimeout(timer);
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        clearTimeout(deadline);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, bytesSent, ms: Date.now() - started });
      });
    });
    req.on("error", (error) => {
      if (!answered) {
        clearTimeout(deadline);
        reject(error);
      }
    });
    req.flushHeaders();
    if (input.prefix) {
      bytesSent += input.prefix.length;
      req.write(input.prefix);
    }
    write();
  });
}
