import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DocumentTextService } from "../../server/src/services/document-text";

describe("DocumentTextService", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "chokepoint-docs-"));
  const dir = path.join(root, "documents");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "doc.txt"), "第一行。\n第二行，呼吸机的核心部件（涡轮风机、\n流量传感器）主要来自欧美国家。\n第四行。\n");
  writeFileSync(path.join(root, "secret.txt"), "secret");
  const texts = new DocumentTextService(dir);

  it("finds a quote that spans hard line breaks and returns its surroundings", () => {
    const c = texts.context("doc.txt", 2, "呼吸机的核心部件（涡轮风机、流量传感器）主要来自欧美国家", 1);
    expect(c).toEqual({ before: "第一行。第二行，", quote: "呼吸机的核心部件（涡轮风机、流量传感器）主要来自欧美国家", after: "。第四行。" });
  });

  it("returns null for a quote not at that line, and never reads outside its folder", () => {
    expect(texts.context("doc.txt", 4, "涡轮风机", 1)).toBeNull();
    expect(texts.context("../secret.txt", 1, "secret", 0)).toBeNull();
    expect(texts.context(path.join(root, "secret.txt"), 1, "secret", 0)).toBeNull();
    expect(texts.context("missing.txt", 1, "x", 0)).toBeNull();
  });
});
