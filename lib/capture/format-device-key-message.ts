// What the hosted page's device key signs at the start of a session (ECDSA P-256, SHA-256): a label
// so the signature means nothing elsewhere, the session, and the session's random server nonce, so a
// signature seen once cannot be replayed for another session. Shared by the page and the server.
export function formatDeviceKeyMessage(input: { sessionId: string; nonce: string }): string {
  return `faceid-device-key:v1:${input.sessionId}:${input.nonce}`;
}
