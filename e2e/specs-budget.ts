// End-to-end specs of the budget feature; registered with `test` from ./lib (run.ts imports this file).
export {};
