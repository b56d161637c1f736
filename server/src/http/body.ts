import { isUtf8 } from "node:buffer";
import type { IncomingMessage } from "node:http";
import type { Readable, Transform } from "node:stream";
import zlib from "node:zlib";

/** A request body that cannot be read as one JSON document; answered with `status` and `code`. */
export class BodyRejected extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: "BAD_REQUEST" | "QUERY_TOO_LARGE",
    message: string,
  ) {
    super(message);
  }
}

/** The client went away before its body arrived; there is nobody to answer. */
export class BodyAborted extends Error {}

/** `type/subtype` of a content-type header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const semi = contentType.indexOf(";");
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

function charsetOf(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : undefined;
}

function decompressor(encoding: string): Transform {
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      throw new BodyRejected(415, "BAD_REQUEST", `unsupported content-encoding "${encoding.slice(0, 40)}"; send identity, gzip, deflate or br`);
  }
}

/**
 * Reads a JSON request body of at most `limit` bytes — counted after inflating a gzip, deflate or
 * br body, so a compression bomb stops at the limit — and parses it. The body must be UTF-8 (a
 * BOM is dropped) and, as with `express.json`'s strict mode, an object or an array; an empty body
 * reads as `{}`. A declared length over the limit is refused before a byte is read.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const contentType = req.headers["content-type"] ?? "";
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
    return Promise.reject(new BodyRejected(415, "BAD_REQUEST", `unsupported charset "${charset.slice(0, 40)}"; send UTF-8`));
  }
  const encoding = (req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  const declared = req.headers["content-length"];
  if (encoding === "identity" && declared !== undefined && Number(declared) > limit) {
    return Promise.reject(tooLarge(limit));
  }
  let inflater: Transform | undefined;
  try {
    inflater = encoding === "identity" ? undefined : req.pipe(decompressor(encoding));
  } catch (e) {
    return Promise.reject(e);
  }
  const source: Readable = inflater ?? req;
  return new Promise<unknown>((resolve, reject) => {
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let size = 0;
    let done = false;
    const finish = (error: Error | undefined, value?: unknown) => {
      if (done) return;
      done = true;
      source.removeListener("data", onData);
      if (inflater) {
        req.unpipe(inflater);
        inflater.destroy();
      }
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      if (first === undefined) first = chunk;
      else (chunks ??= [first]).push(chunk);
    };
    source.on("data", onData);
    source.once("end", () => {
      if (done) return;
      const bytes = chunks ? Buffer.concat(chunks, size) : (first ?? Buffer.alloc(0));
      try {
        finish(undefined, parseJson(bytes));
      } catch (e) {
        finish(e as Error);
      }
    });
    // `on`, not `once`: a second error with no listener would be thrown.
    if (inflater) inflater.on("error", () => finish(new BodyRejected(400, "BAD_REQUEST", `the ${encoding} body cannot be inflated`)));
    req.on("error", () => finish(new BodyAborted("request aborted")));
    req.once("close", () => {
      if (!req.complete) finish(new BodyAborted("request aborted"));
    });
  });
}

function tooLarge(limit: number): BodyRejected {
  return new BodyRejected(413, "QUERY_TOO_LARGE", `the request body is larger than ${limit} bytes`);
}

function parseJson(bytes: Buffer): unknown {
  if (!isUtf8(bytes)) throw new BodyRejected(400, "BAD_REQUEST", "the request body is not valid UTF-8");
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.charCodeAt(0) === 0x7b ? "{" : /\S/.exec(text)?.[0];
  if (first === undefined) return {};
  if (first !== "{" && first !== "[") throw new BodyRejected(400, "BAD_REQUEST", "the request body must be a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyRejected(400, "BAD_REQUEST", "the request body is not valid JSON");
  }
}
