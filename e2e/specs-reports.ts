// End-to-end specs of the reports feature; registered with `test` from ./lib (run.ts imports this file).
export {};
