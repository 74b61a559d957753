// SQL of the reports feature (the only place it lives).
export {};
