import type { LocalizedName, Lang, NodeKind } from "../model/types";
import { nameIn } from "../model/labels";
import { KindShape } from "./KindShape";

interface Props {
  readonly id: string;
  readonly kind?: NodeKind | null;
  readonly name?: LocalizedName | null;
  readonly lang: Lang;
  readonly onSelect: (id: string) => void;
}

/** A node mentioned anywhere in the interface: its shape and name, a button that selects it. */
export function NodeButton({ id, kind, name, lang, onSelect }: Props) {
  const label = name ? nameIn(name, lang, id) : id;
  return (
    <button type="button" className="node-button" onClick={() => onSelect(id)} title={label}>
      {kind && <KindShape kind={kind} size={11} />}
      <span className="node-button-label">{label}</span>
    </button>
  );
}
