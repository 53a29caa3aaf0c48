// The TypeBox model (@reuse-pref/schema) generates spec/v1/schemas/, and openapi.yaml refers to those
// files; the contract's types are generated from openapi.yaml. Both readings of a document must agree,
// or a server built on the model could send what a contract-typed client cannot read.
import type * as model from '@reuse-pref/schema';
import { describe, expectTypeOf, it } from 'vitest';
import type { Schema } from '../src/index.js';

describe('the TypeBox model and the contract types describe the same documents', () => {
  it('statements and what the API wraps them in', () => {
    expectTypeOf<model.Statement>().toExtend<Schema<'Statement'>>();
    expectTypeOf<Schema<'Statement'>>().toExtend<model.Statement>();
    expectTypeOf<model.StatementReceipt>().toEqualTypeOf<Schema<'StatementReceipt'>>();
    expectTypeOf<model.StatementPage>().toExtend<Schema<'StatementPage'>>();
    expectTypeOf<model.ChangeFeedPage>().toExtend<Schema<'ChangeFeedPage'>>();
    expectTypeOf<model.PupilPreferences>().toExtend<Schema<'PupilPreferences'>>();
    expectTypeOf<model.SchoolSettings>().toExtend<Schema<'SchoolSettings'>>();
    expectTypeOf<Schema<'SchoolSettings'>>().toExtend<model.SchoolSettings>();
  });

  it('intake, releases, register and service documents', () => {
    expectTypeOf<model.BatchResult>().toExtend<Schema<'BatchResult'>>();
    expectTypeOf<model.BatchProblem>().toExtend<Schema<'BatchProblem'>>();
    expectTypeOf<model.ReleaseDecision>().toExtend<Schema<'ReleaseDecision'>>();
    expectTypeOf<model.ReleaseSubjectPage>().toExtend<Schema<'ReleaseSubjectPage'>>();
    expectTypeOf<model.RegisterPage>().toExtend<Schema<'RegisterPage'>>();
    expectTypeOf<model.SubjectLedger>().toExtend<Schema<'SubjectLedger'>>();
    expectTypeOf<model.SubjectReceipt>().toExtend<Schema<'SubjectReceipt'>>();
    expectTypeOf<model.SignedTreeHead>().toExtend<Schema<'SignedTreeHead'>>();
    expectTypeOf<model.OnwardSharePage>().toExtend<Schema<'OnwardSharePage'>>();
    expectTypeOf<model.CapabilityStatement>().toExtend<Schema<'CapabilityStatement'>>();
    expectTypeOf<model.Health>().toExtend<Schema<'Health'>>();
    expectTypeOf<model.ProblemDetails>().toExtend<Schema<'ProblemDetails'>>();
  });
});
