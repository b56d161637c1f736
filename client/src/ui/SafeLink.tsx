/** Imported data may hold URLs; only https: ones ever become links (javascript:, data:, http: stay text). */
export function safeHttpsUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function SafeLink({ text }: { readonly text: string }) {
  const href = safeHttpsUrl(text);
  if (href === null) return <span className="plain-url">{text}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {text}
    </a>
  );
}
