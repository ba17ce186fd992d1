package dealdesk.pricing;

/** Whether a line is billed once or every month of the term (subscriptions are priced per unit per month). */
public enum ChargeType { ONE_TIME, RECURRING }
