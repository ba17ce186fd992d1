package dealdesk.pricing;

/**
 * SLAB: graduated, each unit is priced in the tier it falls in (and the flat
 * fee of every tier entered is added once). RANGE: volume, every unit gets the
 * tier the whole quantity reaches (plus that tier's flat fee). BLOCK: the
 * whole quantity costs the block price of the tier it falls in.
 */
public enum VolumeMode { SLAB, RANGE, BLOCK }
