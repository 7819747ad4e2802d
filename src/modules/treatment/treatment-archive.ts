import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { archiveMutation } from '../../shared/crud.js';
import { archiveInputType } from '../../shared/crud.inputs.js';
import { payloadType } from '../../shared/mutation.js';
import { Treatment } from './treatment.entity.js';

export const ArchiveTreatmentInput = archiveInputType('Treatment');
export type ArchiveTreatmentInput = InstanceType<typeof ArchiveTreatmentInput>;

export const ArchiveTreatmentPayload = payloadType('ArchiveTreatmentPayload', 'treatment', Treatment, { idempotent: false });

/** `archiveTreatment` (kept apart from the treatment resolver, which the availability work reshapes). */
@Resolver(() => Treatment)
export class TreatmentArchiveResolver {
  @Mutation(() => ArchiveTreatmentPayload, {
    description: 'Archives a treatment (OWNER or ADMIN): inactive and no longer bookable; old appointments, packages and plans keep showing it. Archiving again changes nothing. userErrors: STALE_VERSION.',
  })
  archiveTreatment(@Ctx() ctx: Context, @Arg('input', () => ArchiveTreatmentInput, { description: 'The treatment.' }) input: ArchiveTreatmentInput) {
    return archiveMutation(ctx, Treatment, input);
  }
}
