import type { Command } from "../command";
import { analyzeCommand } from "./analyze";
import { exportCommand } from "./export";
import { extractCommand } from "./extract";
import { importCommand } from "./import";
import { scenarioCommand } from "./scenario";
import { serveCommand } from "./serve";

/** Every CLI command, in the order `chokepoint help` lists them. */
export const COMMANDS: readonly Command[] = [serveCommand, importCommand, exportCommand, extractCommand, analyzeCommand, scenarioCommand];
