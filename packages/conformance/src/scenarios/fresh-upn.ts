import { randomInt } from 'node:crypto';
import { upnCheckLetter } from '@reuse-pref/validator';

/**
 * A valid permanent UPN nobody has used before, with high probability: twelve random digits (10^12
 * values, so thousands of runs against one long-lived service do not collide) and the right check
 * letter. Distributor scenarios need pupils with no history anywhere in the target's records.
 */
export function freshUpn(): string {
  let digits = '';
  for (let i = 0; i < 12; i++) digits += String(randomInt(10));
  return `${upnCheckLetter(`A${digits}`)}${digits}`;
}
