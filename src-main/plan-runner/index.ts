// The plan runner: one owner of plan -> fix -> verify for the app and the CLI (see runner.ts).
export { PlanRunner, REBOOT_STEP, type PlanRunnerOptions, type PlanRunnerServices, type PlanState, type RunControl, type StepChoices } from './runner.js';
export { PlanRunError, type PlanRunErrorCode } from './errors.js';
export { needsUpdateFile, planRecords, planView, stateAfterApply, stateAfterUndo, stateAfterVerify, type StepRecord } from './steps.js';
