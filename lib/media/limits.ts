// Upload limits in one place so route handlers, the capture page and the docs agree (API.md "Images").
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_PORTRAIT_BASE64_BYTES = 1024 * 1024;
// Decoded-pixel cap: a 25 MP RGB image is ~75 MB of raw pixels, which bounds memory per request.
export const MAX_PIXELS = 25_000_000;
// Faces need far fewer pixels than a phone camera delivers; capping the longest side keeps RSS low.
export const MAX_DECODED_SIDE = 2048;
