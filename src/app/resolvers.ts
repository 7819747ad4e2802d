import type { ClassType } from 'type-graphql';
import { AppointmentEventFieldsResolver, AppointmentFieldsResolver, CustomerAppointmentsResolver } from '../modules/appointment/appointment.fields.resolver.js';
import { AppointmentResolver } from '../modules/appointment/appointment.resolver.js';
import { AppointmentEvent } from '../modules/appointment/appointment-event.entity.js';
import { Appointment } from '../modules/appointment/appointment.entity.js';
import { CustomerInteractionsResolver, InteractionResolver } from '../modules/interaction/interaction.resolver.js';
import { Interaction } from '../modules/interaction/interaction.entity.js';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { rootFieldResolver } from '../modules/node/root-fields.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { CustomerPaymentsResolver, PaymentResolver } from '../modules/payment/payment.resolver.js';
import { Payment } from '../modules/payment/payment.entity.js';
import { Hold } from '../modules/scheduling/hold.entity.js';
import { schedulingResolvers } from '../modules/scheduling/scheduling.resolver.js';
import { TimeOff } from '../modules/scheduling/time-off.entity.js';
import { AppointmentSeries, TreatmentPlan } from '../modules/series/series.entity.js';
import { seriesResolvers } from '../modules/series/series.resolver.js';
import { WaitlistEntry } from '../modules/series/waitlist.entity.js';
import { InvitationResolver, UserResolver } from '../modules/user/user.resolver.js';
import { ApiTokenResolver } from '../modules/auth/api-token.resolver.js';
import { ApiToken } from '../modules/auth/api-token.entity.js';
import { Invitation } from '../modules/user/invitation.entity.js';
import { User } from '../modules/user/user.entity.js';
import { connectionResolvers } from '../shared/pagination.js';
import { catalogueResolvers, catalogueRootTypes } from './resolvers.catalogue.js';
import { eventsResolvers } from '../modules/events/events.resolver.js';
import { WebhookResolver } from '../modules/webhooks/webhooks.resolver.js';

/** Node types that get a root field `<type>(id: ID!)`. */
const rootFieldTypes = [Organisation, User, Invitation, ApiToken, Appointment, AppointmentEvent, Interaction, Payment, Hold, TimeOff, AppointmentSeries, TreatmentPlan, WaitlistEntry, ...catalogueRootTypes] as ClassType[];

/** Every resolver class of the schema. */
export const resolvers = [
  NodeResolver, UserResolver, InvitationResolver, ApiTokenResolver, AppointmentResolver, AppointmentFieldsResolver, AppointmentEventFieldsResolver, CustomerAppointmentsResolver,
  InteractionResolver, CustomerInteractionsResolver, PaymentResolver, CustomerPaymentsResolver,
  ...catalogueResolvers, ...schedulingResolvers, ...seriesResolvers, ...rootFieldTypes.map(rootFieldResolver), ...connectionResolvers,
  ...eventsResolvers, WebhookResolver,
];
