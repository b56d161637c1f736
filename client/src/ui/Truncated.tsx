import { useState } from "react";

/** Long text cut to `max` characters with a button for the whole of it. */
export function Truncated({ text, max, more, less }: { readonly text: string; readonly max: number; readonly more: string; readonly less: string }) {
  const [open, setOpen] = useState(false);
  if ([...text].length <= max) return <>{text}</>;
  return (
    <>
      {open ? text : `${[...text].slice(0, max).join("")}…`}{" "}
      <button type="button" className="link-button" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? less : more}
      </button>
    </>
  );
}
