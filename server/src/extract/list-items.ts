import type { Lexicon } from "./lexicon";
import { inName, mentionEndingAt, type SegmentView } from "./segment-view";
import type { Mention } from "./term-matcher";

/** One entry of an enumeration ("高功率磁控管" in "放疗用栅控三级电子枪、高功率磁控管…"). Chinese noun
 *  phrases are head-final, so an item is what the lexicon form at its end names; what comes
 *  before is a modifier, unless it names an item itself (磁共振|超导磁体: the MRI's magnet). */
export interface ListItem {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly status: "known" | "unknown" | "ignored" | "not-item";
  /** The item's ids (several for a group form such as CT/PET探测器). */
  readonly ids: readonly string[];
  /** Items named inside this one before its head: hosts that the item belongs to. */
  readonly hostIds: readonly string[];
  /** Offset where the head form starts. */
  readonly headStart: number;
  /** Where the host named inside the entry is written, when there is one. */
  readonly host?: { readonly start: number; readonly end: number };
}

/** Separators between list entries. "," separates groups; the rest separate items of a group. */
const ITEM_SEPARATORS = ["以及", "、", "和", "及", "与", "或"];
const GROUP_SEPARATOR = ",";
/** Heads that make a phrase a technique, a capability or an activity, not something one can run
 *  short of: these entries are dropped from part lists by rule (not sent to curation). */
const NOT_ITEM_SUFFIX =
  /(技术|工艺|能力|水平|方法|研究|机制|体系|标准|服务|软件|算法|问题|产业|领域|项目|工程|平台|功能|序列|应用|模式|质量|性能|成像|分析|诊断|治疗|监测|检测|研发|开发|生产|制造|设计|评价|数据|信息|智能|方向|解决方案|技术路线|规范|研制|瓶颈|环境|需求)$/;
/** Head nouns of things that can be supplied: an unknown entry ending otherwise is prose, not a term. */
const ITEM_HEAD =
  /(材料|膜|合金|铜|丝|棒|管材|器|仪|机|泵|阀|管|芯片|传感器|探测器|线圈|磁体|探头|镜头|物镜|电机|轴承|靶盘|元件|器件|部件|配套件|镜|装置|试剂|疫苗|药物|药品|制剂|支架|导丝|导管|光纤|传像束|系统|设备|装备|机器人|床|枪|基板|晶体|电池|电极|连接器|模块|耗材|辅料|原料药|包材|玻璃瓶|口罩|防护服|手套|敷料|植入物|假体|瓣膜|血管|关节|同机架|CT|MRI)$/;
const TRAILING_ACTIVITY = /(?:的)?(?:研制|研发|开发|产业化|生产|应用)$/;
const TECHNIQUE_OF = /(?:关键)?(?:加工工艺|加工|制备|生产|制造)?(?:工艺)?技术$/;
const PART_KINDS: ReadonlySet<string> = new Set(["Component", "Material"]);
/** Words in front of an entry that are not part of its name. */
const LEADING_NOISE = /^(?:等|及|和|与|以及|或|其|如|包括|重点|开发|研制|研发|发展|攻关|攻克|突破|提升|推动|加快|着力)+/;
const TRAILING_NOISE = /(?:等等|等)+$/;
/** What may stand between a host and its part inside one entry: nothing (磁共振|超导磁体), an
 *  evaluative 新/新型 (疫苗新佐剂), or a connector (透析设备用|真空泵, 3D视觉系统中|高速光学元件). */
const HOST_LINK = /^(?:新型|新|用|用的|使用的|中|中的|的)?$/;

/** The items a prefix names, when it names a product or a component (磁共振, CT/PET探测器). */
function prefixHosts(lexicon: Lexicon, m: Mention): readonly string[] {
  const ids = m.target.type === "term" ? [m.target.id] : m.target.type === "group" ? m.target.ids : [];
  return ids.every((id) => {
    const kind = lexicon.byId.get(id)?.kind;
    return kind === "Product" || kind === "Component";
  })
    ? ids
    : [];
}

/** Resolves the head form of an entry; `host` decides generic part names (探测器 under CT). */
function headIds(m: Mention, hosts: readonly string[]): readonly string[] | "ignored" {
  switch (m.target.type) {
    case "term":
      return [m.target.id];
    case "group":
      return m.target.ids;
    case "ignore":
      return "ignored";
    case "contextual": {
      const target = m.target;
      const ids = hosts.map((h) => target.byHost[h]).filter((x): x is string => x !== undefined);
      return ids.length > 0 ? ids : [];
    }
  }
}

export function parseItem(view: SegmentView, lexicon: Lexicon, from: number, to: number, hosts: readonly string[] = []): ListItem | undefined {
  while (to > from && /[;。!?:,、\s]/.test(view.text[to - 1]!)) to--;
  // "诊断检验装备配套试剂研制", "…配套试剂产业化": a trailing activity is not part of the name.
  const activity = TRAILING_ACTIVITY.exec(view.text.slice(from, to));
  const named = activity ? mentionEndingAt(view, to - activity[0].length) : undefined;
  if (activity && named && named.start >= from) to -= activity[0].length;
  // "超声单晶探头、二维面阵探头等新型探头": what follows 等 names the category, not another item.
  for (let i = from; i < to; i++) {
    if (view.text[i] === "等" && i > from && !inName(view, i)) {
      to = i;
      break;
    }
  }
  // "滑环加工工艺技术", "高密度单晶材料换能器关键技术": the technique of making a part names the part.
  const technique = TECHNIQUE_OF.exec(view.text.slice(from, to));
  if (technique && technique.index > 0) {
    const inner = parseItem(view, lexicon, from, from + technique.index, hosts);
    if (inner?.status === "known" && inner.ids.every((id) => PART_KINDS.has(lexicon.byId.get(id)?.kind ?? ""))) return inner;
    return inner && { ...inner, end: to, text: view.text.slice(inner.start, to), status: "not-item", ids: [], hostIds: [] };
  }
  let text = view.text.slice(from, to);
  const lead = LEADING_NOISE.exec(text)?.[0].length ?? 0;
  // Leading noise never eats into a lexicon form (等离子 is a name, not 等 + 离子).
  const leadOk = lead > 0 && !view.mentions.some((m) => m.start >= from && m.start < from + lead);
  let start = from + (leadOk ? lead : 0);
  const trail = TRAILING_NOISE.exec(view.text.slice(start, to))?.[0].length ?? 0;
  const trailOk = trail > 0 && !view.mentions.some((m) => m.end > to - trail && m.end <= to && m.start < to - trail);
  const end = to - (trailOk ? trail : 0);
  while (start < end && /[\s()（）"“”]/.test(view.text[start]!) && !inName(view, start)) start++;
  text = view.text.slice(start, end);
  if (text === "") return undefined;
  const inside = view.mentions.filter((m) => m.start >= start && m.end <= end);
  const head = inside.find((m) => m.end === end);
  if (!head) {
    const unknown = ITEM_HEAD.test(text) && !NOT_ITEM_SUFFIX.test(text);
    return { start, end, text, status: unknown ? "unknown" : "not-item", ids: [], hostIds: [], headStart: start };
  }
  const before = inside.filter((m) => m.end <= head.start && HOST_LINK.test(view.text.slice(m.end, head.start)));
  const prefix = before[before.length - 1];
  const hostIds = prefix ? prefixHosts(lexicon, prefix) : [];
  const ids = headIds(head, hostIds.length > 0 ? hostIds : hosts);
  // An ignored form, or a generic part name (探测器) that no host decides: the lexicon knows the word.
  if (ids === "ignored" || ids.length === 0) return { start, end, text, status: "ignored", ids: [], hostIds: [], headStart: head.start };
  return { start, end, text, status: "known", ids, hostIds, headStart: head.start, ...(prefix && hostIds.length > 0 && { host: { start: prefix.start, end: prefix.end } }) };
}

function splitOutside(view: SegmentView, from: number, to: number, separators: readonly string[]): [number, number][] {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = view.text[i]!;
    if (ch === "(" || ch === "“") depth++;
    else if ((ch === ")" || ch === "”") && depth > 0) depth--;
    // A separator character that starts or sits inside a lexicon form belongs to that name.
    if (depth > 0 || inName(view, i)) continue;
    const sep = separators.find((s) => view.text.startsWith(s, i));
    if (sep) {
      if (i > start) parts.push([start, i]);
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  if (to > start) parts.push([start, to]);
  return parts;
}

/** Splits [from, to) into groups at "," and each group into items; parenthesised text and lexicon
 *  forms are never split. */
export function splitGroups(view: SegmentView, from: number, to: number): [number, number][][] {
  return splitOutside(view, from, to, [GROUP_SEPARATOR]).map(([s, e]) => splitOutside(view, s, e, ITEM_SEPARATORS));
}

export function splitItems(view: SegmentView, from: number, to: number): [number, number][] {
  return splitOutside(view, from, to, [GROUP_SEPARATOR, ...ITEM_SEPARATORS]);
}
