/**
 * Where JSON text first goes wrong, for the row of a JSON_INVALID problem. V8's JSON.parse
 * messages give a position only for some errors (and quote file content for others), so after
 * JSON.parse has failed, this small RFC 8259 checker finds the offset itself. Iterative, so deeply
 * nested input cannot overflow the stack. Returns the text's length when it ends too early.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: ("array" | "object")[] = [];
  let state: "value" | "valueOrEnd" | "key" | "keyOrEnd" | "colon" | "after" = "value";
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  let i = 0;
  for (;;) {
    while (i < n && " \t\n\r".includes(text[i]!)) i++;
    if (i >= n) return n;
    const c = text[i]!;
    switch (state) {
      case "value":
      case "valueOrEnd":
        if (state === "valueOrEnd" && c === "]") {
          stack.pop();
          i++;
          state = "after";
        } else if (c === "{" || c === "[") {
          stack.push(c === "{" ? "object" : "array");
          i++;
          state = c === "{" ? "keyOrEnd" : "valueOrEnd";
        } else if (c === '"') {
          const end = stringEnd(text, i);
          if (end < 0) return -end - 1;
          i = end;
          state = "after";
        } else {
          literal.lastIndex = i;
          if (!literal.test(text)) return i;
          i = literal.lastIndex;
          state = "after";
        }
        break;
      case "key":
      case "keyOrEnd":
        if (state === "keyOrEnd" && c === "}") {
          stack.pop();
          i++;
          state = "after";
          break;
        }
        if (c !== '"') return i;
        {
          const end = stringEnd(text, i);
          if (end < 0) return -end - 1;
          i = end;
        }
        state = "colon";
        break;
      case "colon":
        if (c !== ":") return i;
        i++;
        state = "value";
        break;
      case "after": {
        const top = stack[stack.length - 1];
        if (top === undefined) return i;
        if (c === ",") state = top === "object" ? "key" : "value";
        else if ((top === "array" && c === "]") || (top === "object" && c === "}")) stack.pop();
        else return i;
        i++;
        break;
      }
    }
  }
}

/** Index just past the string starting at `start`, or -(offset of the fault) - 1. */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -j - 1;
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++;
      else return -j - 1;
    }
  }
  return -text.length - 1;
}
