import { runsFor } from "./harness.js";
import { mutatedCorpusWindows } from "./mutations.js";

// Share 1 of 2 of the mutated-corpus property (tests/fuzz/mutations.ts): 30% of FUZZ_RUNS.
mutatedCorpusWindows(1, runsFor(0.3));
