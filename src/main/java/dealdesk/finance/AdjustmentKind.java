package dealdesk.finance;

/** MANUAL by finance, DISPUTE from a resolved dispute, PRIOR_PERIOD a correction of a closed period. */
public enum AdjustmentKind {
    MANUAL, DISPUTE, PRIOR_PERIOD
}
