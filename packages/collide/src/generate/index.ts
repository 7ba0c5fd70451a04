export { messyAmount, messyDate, messyIdNumber, messyMonth, messyName } from './messy.ts';
export { randomIdNumber, randomName, randomPeople } from './people.ts';
export { seededRandom } from './random.ts';
export { type ReferenceHit, referenceDeceasedPension, referencePrisonerSubsidy } from './reference.ts';
export {
  type Death,
  deceasedPensionScenario,
  type Payment,
  type Pension,
  prisonerSubsidyScenario,
  type Spell,
} from './scenarios.ts';
export { writeCsvLines } from './write-csv.ts';
export * from './write-scenarios.ts';
