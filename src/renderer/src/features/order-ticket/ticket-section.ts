import type { TicketForm, TicketLayout } from './ticket-form';
import type { TicketErrors } from './ticket-validation';

/** What each part of the ticket form gets: the form, what to show, the messages to show, and an editor. */
export interface TicketSectionProps {
  form: TicketForm;
  layout: TicketLayout;
  errors: TicketErrors;
  edit: (change: Partial<TicketForm>) => void;
}
