// SQL of the budget feature (the only place it lives).
export {};
