// How deeply arrays and objects nest in a JSON text, found by one scan without parsing (strings and
// their escapes skipped). Cheap and recursion-free, so a hostile body of a million "[" is measured, not
// parsed; what passes is shallow enough for every recursive walker downstream (validation, storage,
// canonical webhook signing).
export function measureJsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
