import { defineLoader } from 'vitepress';
import { type SampleRegister, sampleRegister } from './sample-register.js';

declare const data: SampleRegister;

export { data };

/** Runs in the docs build (and the dev server): the sample log is made fresh each time. */
export default defineLoader({
  load: () => sampleRegister(),
});
