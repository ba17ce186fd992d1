package dealdesk.commission.engine;

/** Decides which plan items apply to which credits. The rule base does it; so does a plain-Java twin. */
public interface Decider {
    Decisions decide(EngineFacts facts);
}
