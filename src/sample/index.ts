/** Generated workbooks: the messy sample base for the demo and tests, big clean data for the benchmark. */
export { generateSample, generateSampleWorkbook } from './workbook';
export {
  SAMPLE_DEFAULTS,
  SAMPLE_HEADERS,
  SAMPLE_MANAGERS,
  SAMPLE_SHEETS,
  type DuplicateVariation,
  type PlantedCell,
  type PlantedDuplicate,
  type Sample,
  type SampleFacts,
  type SampleOptions,
} from './sample-types';
export { generateOrdersCsv, generateSyntheticBase, syntheticClientId, syntheticClientName, type SyntheticOptions } from './synthetic';
export { SAMPLE_SERVICES, type SampleService } from './services';
export { encodeWindows1251 } from './windows1251';
export { Random } from './random';
