import type { Scenario } from '../scenario.js';
import { accessScenarios } from './access.js';
import { authScenarios } from './auth.js';
import { deleteScenarios } from './delete.js';
import { detailScenarios } from './details.js';
import { errorScenarios } from './errors.js';
import { hideScenarios } from './hide.js';
import { lifecycleScenarios } from './lifecycle.js';
import { listScenarios } from './list.js';
import { shapeScenarios } from './shape.js';
import { transferScenarios } from './transfer.js';
import { updateScenarios } from './update.js';

/** Every contract scenario, in contract order of their rules. */
export const SCENARIOS: readonly Scenario[] = [
  ...authScenarios,
  ...accessScenarios,
  ...hideScenarios,
  ...lifecycleScenarios,
  ...updateScenarios,
  ...deleteScenarios,
  ...transferScenarios,
  ...listScenarios,
  ...errorScenarios,
  ...detailScenarios,
  ...shapeScenarios,
];
