package dealdesk.pricing;

/**
 * SLAB: each unit is priced in the band it falls in (tiered). RANGE: every unit
 * gets the band the whole quantity reaches.
 */
public enum VolumeMode { SLAB, RANGE }
