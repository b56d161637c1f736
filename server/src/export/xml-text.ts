/** Characters XML 1.0 cannot hold at all, not even as references: C0 controls other than tab,
 *  line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for element content or an attribute value: markup escaped, impossible characters replaced
 *  by U+FFFD, carriage returns kept as references so parsers do not normalise them away. */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, "\uFFFD")
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/\r/g, "&#13;");
}
