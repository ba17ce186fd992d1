package dealdesk.proposal;

public enum FontStyle {
    REGULAR, BOLD
}
