export { closest, didYouMean } from './closest.js';
export { CommandLineError, type ParseConfig, type Parsed, parseCommandLine } from './parse.js';
