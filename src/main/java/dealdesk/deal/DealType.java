package dealdesk.deal;

/** New logo, more for an existing customer, or a renewal. */
public enum DealType { NEW, EXPANSION, RENEWAL }
