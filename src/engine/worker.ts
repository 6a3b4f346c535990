import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { loadConfig, resolveConfig, settingsFor } from "../config/load.js";
import { PRESET_PREFIX } from "../config/presets.js";
import { lintText } from "./lint.js";
import { withSeverities, type WorkerInit, type WorkerReply, type WorkerTask } from "./pool.js";

// A lint worker: it loads the same configuration as the main thread once, then lints the texts it is handed.
const init = workerData as WorkerInit;
const config = init.configFile
  ? await loadConfig({ cwd: init.cwd, configPath: init.configFile })
  : resolveConfig({ extends: `${PRESET_PREFIX}recommended` }, null, init.cwd);
const severities = new Map(init.ruleSeverities);

parentPort!.on("message", (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    const rules = withSeverities(settingsFor(config, path.resolve(init.cwd, task.displayPath)), severities);
    reply = { index: task.index, messages: lintText(task.text, task.displayPath, { rules, today: init.today }).messages };
  } catch (error) {
    reply = { index: task.index, problem: `internal error while checking: ${error instanceof Error ? error.message : String(error)}` };
  }
  parentPort!.postMessage(reply);
});
