import { bannedDriver } from './builtin/banned-driver.ts';
import { childSectorEmployment } from './builtin/child-sector-employment.ts';
import { deceasedPension } from './builtin/deceased-pension.ts';
import { foodBlacklist } from './builtin/food-blacklist.ts';
import { loanInterestTax } from './builtin/loan-interest-tax.ts';
import { prisonerPension } from './builtin/prisoner-pension.ts';
import { prisonerSubsidy } from './builtin/prisoner-subsidy.ts';
import { stolenVehicle } from './builtin/stolen-vehicle.ts';
import { type TModelSpec, type TModelSpecInput, ZModelSpec } from './spec.ts';

/** The built-in models, in the order the CLI lists them. */
export const builtinSpecs: readonly TModelSpecInput[] = [
  prisonerSubsidy,
  deceasedPension,
  prisonerPension,
  bannedDriver,
  stolenVehicle,
  childSectorEmployment,
  loanInterestTax,
  foodBlacklist,
];

export function listModels(): TModelSpec[] {
  return builtinSpecs.map((spec) => ZModelSpec.parse(spec));
}

export function findModel(id: string): TModelSpec | undefined {
  const spec = builtinSpecs.find((candidate) => candidate.id === id);
  return spec ? ZModelSpec.parse(spec) : undefined;
}
