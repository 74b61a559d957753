export * from './access';
export * from './dates';
export * from './errors';
export * from './org-unit';
export * from './reorganisation';
export * from './text';
export * from './tasks/time-frame';
export * from './workflow/approval';
