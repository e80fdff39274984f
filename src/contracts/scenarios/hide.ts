import { NEVER_EXISTS_ID } from '../client.js';
import { ScenarioContext, type Scenario } from '../scenario.js';

/** The error body with the id taken out of the message, so hidden and missing answers compare equal (ERR-1). */
function shapeOf(body: unknown, id: string): string {
  return JSON.stringify(body).split(id).join('<id>');
}

/** HIDE: existence hiding. */
export const hideScenarios: Scenario[] = [
  {
    rule: 'HIDE-1',
    title: 'a caller without use gets the same 404 on a private skill as on a missing id, in every view',
    async run(t) {
      const skill = await t.createDeployed('skills', 'owner', ScenarioContext.PRIVATE);
      const id = String(skill['id']);
      const missing = String(NEVER_EXISTS_ID);
      for (const view of ['', '?view=active', '?view=draft']) {
        const hidden = await t.call('outsider', 'GET', `/api/v1/skills/${id}${view}`);
        const absent = await t.call('outsider', 'GET', `/api/v1/skills/${missing}${view}`);
        t.status(hidden, 404, 'hidden skill');
        t.status(absent, 404, 'missing skill');
        t.check(shapeOf(hidden.response.body, id) === shapeOf(absent.response.body, missing), 'hidden and missing 404 bodies differ');
      }
      const variation = String(skill['activeVariationId']);
      t.status(await t.call('outsider', 'GET', `/api/v1/skills/${id}/variations/${variation}`), 404, 'historic variation of a hidden skill');
    },
  },
];
