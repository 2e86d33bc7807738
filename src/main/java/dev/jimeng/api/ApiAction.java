package dev.jimeng.api;

/** The two actions of the API, with their wire names (the {@code Action} query parameter). */
public enum ApiAction {
    SUBMIT_TASK("CVSync2AsyncSubmitTask"),
    GET_RESULT("CVSync2AsyncGetResult");

    /** The {@code Version} query parameter of both actions. */
    public static final String VERSION = "2022-08-31";

    private final String wire;

    ApiAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
