import type { Command } from "../command";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { serveCommand } from "./serve";

/** Every CLI command, in the order `chokepoint help` lists them. */
export const COMMANDS: readonly Command[] = [serveCommand, importCommand, exportCommand];
