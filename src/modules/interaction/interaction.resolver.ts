import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { filterIdOf as idOf } from '../../shared/global-id.js';
import { payloadType } from '../../shared/mutation.js';
import { ConnectionArgs, connectionType, paginate } from '../../shared/pagination.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Account } from '../field-service/field-service.entities.js';
import { Property } from '../field-service/property.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../user/user.entity.js';
import { Interaction } from './interaction.entity.js';
import { CreateInteractionInput, InteractionFilter, UpdateInteractionInput } from './interaction.inputs.js';
import { createInteraction, updateInteraction } from './interaction.service.js';

export const InteractionConnection = connectionType(Interaction);
export const CreateInteractionPayload = payloadType('CreateInteractionPayload', 'interaction', Interaction);
export const UpdateInteractionPayload = payloadType('UpdateInteractionPayload', 'interaction', Interaction, { idempotent: false });


@Resolver(() => Interaction)
export class InteractionResolver {
  @Query(() => InteractionConnection, { description: 'Interactions of the organisation, by dateTime then id.' })
  interactions(@Ctx() ctx: Context, @Args() args: ConnectionArgs, @Arg('filter', () => InteractionFilter, { nullable: true, description: 'Conditions that must all hold.' }) filter?: InteractionFilter) {
    requireViewer(ctx);
    const where: Record<string, unknown>[] = [];
    if (filter?.from) where.push({ dateTime: { $gte: filter.from } });
    if (filter?.to) where.push({ dateTime: { $lt: filter.to } });
    if (filter?.contactId) where.push({ contact: idOf(filter.contactId, 'Customer') });
    if (filter?.representativeId) where.push({ representative: idOf(filter.representativeId, 'User') });
    if (filter?.status?.length) where.push({ status: { $in: filter.status } });
    if (filter?.method?.length) where.push({ method: { $in: filter.method } });
    if (filter?.direction) where.push({ direction: filter.direction });
    return paginate(ctx.em, Interaction, { $and: where }, args, ['dateTime', 'id']);
  }

  @Mutation(() => CreateInteractionPayload, { description: 'Records a contact with a customer (Ctrl-Hub seed 004).' })
  createInteraction(@Ctx() ctx: Context, @Arg('input', () => CreateInteractionInput, { description: 'The mutation input.' }) input: CreateInteractionInput) {
    return createInteraction(ctx, input);
  }

  @Mutation(() => UpdateInteractionPayload, { description: 'Changes an interaction: only the fields present change.' })
  updateInteraction(@Ctx() ctx: Context, @Arg('input', () => UpdateInteractionInput, { description: 'The mutation input.' }) input: UpdateInteractionInput) {
    return updateInteraction(ctx, input);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer contacted (Ctrl-Hub `contact`).' })
  contact(@Ctx() ctx: Context, @Root() i: Interaction) {
    return i.contact ? ctx.loaders.byId(Customer).load(i.contact.id) : null;
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account (Ctrl-Hub `account`).' })
  account(@Ctx() ctx: Context, @Root() i: Interaction) {
    return i.account ? ctx.loaders.byId(Account).load(i.account.id) : null;
  }

  @FieldResolver(() => Property, { nullable: true, description: 'The premises (Ctrl-Hub `property`).' })
  property(@Ctx() ctx: Context, @Root() i: Interaction) {
    return i.property ? ctx.loaders.byId(Property).load(i.property.id) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who handled it (Ctrl-Hub `representative`).' })
  representative(@Ctx() ctx: Context, @Root() i: Interaction) {
    return i.representative ? ctx.loaders.byId(User).load(i.representative.id) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who recorded it: the token\'s user (Ctrl-Hub `author`).' })
  author(@Ctx() ctx: Context, @Root() i: Interaction) {
    return i.author ? ctx.loaders.byId(User).load(i.author.id) : null;
  }

  @FieldResolver(() => Organisation, { description: 'The organisation (Ctrl-Hub `organisation`).' })
  organisation(@Ctx() ctx: Context, @Root() i: Interaction) {
    return ctx.loaders.byId(Organisation).load(i.organisation.id);
  }

  @FieldResolver(() => [Appointment], { description: 'Appointments booked from this interaction, by startsAt.' })
  appointments(@Ctx() ctx: Context, @Root() i: Interaction) {
    return ctx.loaders.children(Appointment, 'interaction', ['startsAt', 'id']).load(i.id);
  }
}

@Resolver(() => Customer)
export class CustomerInteractionsResolver {
  @FieldResolver(() => InteractionConnection, { description: 'Interactions with the customer, by dateTime.' })
  interactions(@Ctx() ctx: Context, @Root() c: Customer, @Args() args: ConnectionArgs) {
    return ctx.loaders.childPage(Interaction, 'contact', ['dateTime', 'id'], args).load(c.id);
  }
}
