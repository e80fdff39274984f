import type { Scenario } from '../scenario.js';
import { hideScenarios } from './hide.js';

/** Every contract scenario, in contract order of their rules. */
export const SCENARIOS: readonly Scenario[] = [...hideScenarios];
