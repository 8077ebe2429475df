package dev.supportgateway.engine.desk;

/** The ways a customer can reach a desk. */
public enum ChannelKind {
    WIDGET, TELEGRAM, EMAIL, CALLBACK, PHONE, WEB_FORM, LETTER;

    /** The configuration spelling: {@code web-form} for {@link #WEB_FORM}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static ChannelKind fromKey(String key) {
        for (ChannelKind kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + key + "', expected one of "
                + java.util.Arrays.stream(values()).map(ChannelKind::key).toList());
    }
}
