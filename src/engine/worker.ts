import { parentPort, workerData } from "node:worker_threads";
import { loadConfig, resolveConfig } from "../config/load.js";
import { PRESET_PREFIX } from "../config/presets.js";
import { lintTask, type WorkerInit, type WorkerTask } from "./pool.js";

// A lint worker: it loads the same configuration as the main thread once, then lints the texts it is handed.
const init = workerData as WorkerInit;
const config = init.configFile
  ? await loadConfig({ cwd: init.cwd, configPath: init.configFile })
  : resolveConfig({ extends: `${PRESET_PREFIX}recommended` }, null, init.cwd);
const severities = new Map(init.ruleSeverities);

parentPort!.on("message", (task: WorkerTask) => {
  parentPort!.postMessage(
    lintTask(task, {
      config,
      cwd: init.cwd,
      today: init.today,
      ruleSeverities: severities,
      unusedDirectives: init.unusedDirectives,
      fix: init.fix,
    }),
  );
});
