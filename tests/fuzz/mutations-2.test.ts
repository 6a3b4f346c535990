import { runsFor } from "./harness.js";
import { mutatedCorpusWindows } from "./mutations.js";

// Share 2 of 2 of the mutated-corpus property (tests/fuzz/mutations.ts): 30% of FUZZ_RUNS.
mutatedCorpusWindows(2, runsFor(0.3));
