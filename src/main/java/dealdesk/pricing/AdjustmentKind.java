package dealdesk.pricing;

/** How an adjustment changes the unit price: a percent off, an amount off, or a new price. */
public enum AdjustmentKind { PERCENT, AMOUNT, OVERRIDE }
