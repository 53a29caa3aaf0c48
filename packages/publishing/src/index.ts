export { type GuideStep, guideScript, guideSteps } from './guide-steps.js';
export { type LocalRegistry, startLocalRegistry } from './local-registry.js';
